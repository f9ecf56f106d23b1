/** A forgotten passphrase: the recovery key opens this person's keys again under a new
 * passphrase. Every other device is signed out; nothing shared or sealed is lost. */
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';

import { MAX_LENGTH } from '../../lib/api-limits';
import { KeyStepFailed, resetWithRecoveryKey } from '../../lib/keyring';
import { unlockPassphrase } from '../../lib/passphrase';
import { focusFirstProblem } from '../../lib/forms';
import { adoptSession } from '../../lib/session';
import { TextField } from '../../ui/field';
import { Page } from '../../ui/page';
import { prepareDeviceFor } from './device';
import { NewPassphrase } from './NewPassphrase';
import { passphraseProblem } from './strength';

export function Recover(): JSX.Element {
  const { route } = useLocation();
  const [username, setUsername] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setFormError('');
    const problems: Record<string, string> = {};
    if (!username.trim()) problems.username = 'Your username is needed.';
    if (!recoveryKey.trim()) problems.recovery_key = 'Your recovery key is needed.';
    const weak = passphrase ? await passphraseProblem(passphrase, username) : 'Choose a new passphrase.';
    if (weak) problems.passphrase = weak;
    setErrors(problems);
    if (Object.keys(problems).length) {
      focusFirstProblem(form.current);
      return;
    }
    setBusy(true);
    try {
      const next = await unlockPassphrase(username, passphrase);
      const session = await resetWithRecoveryKey(username, recoveryKey, next);
      await prepareDeviceFor(session.account?.username ?? username);
      await adoptSession(session);
      route('/');
    } catch (error) {
      setFormError(error instanceof KeyStepFailed ? error.message : "You're offline. Try again when you have signal.");
      focusFirstProblem(form.current);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="Use your recovery key">
      <p class="muted">
        Your recovery key opens your keys again under a new passphrase. Other devices will be signed out.
      </p>
      <form ref={form} onSubmit={(event) => void submit(event)} data-testid="recover-form" noValidate>
        {formError && (
          <p class="form-error" role="alert" tabIndex={-1} data-problem data-testid="form-error">
            {formError}
          </p>
        )}
        <TextField
          id="username"
          label="Username"
          value={username}
          onInput={setUsername}
          autoComplete="username"
          required
          maxLength={MAX_LENGTH.SignUp.username}
          error={errors.username}
        />
        <TextField
          id="recovery_key"
          label="Recovery key"
          hint="32 letters and numbers; dashes and spaces don't matter."
          value={recoveryKey}
          onInput={setRecoveryKey}
          autoComplete="off"
          required
          maxLength={64}
          error={errors.recovery_key}
        />
        <NewPassphrase
          id="passphrase"
          label="New passphrase"
          value={passphrase}
          onInput={setPassphrase}
          username={username}
          error={errors.passphrase}
        />
        <div class="button-row">
          <button type="submit" disabled={busy} data-testid="recover-submit">
            {busy ? 'Unlocking…' : 'Set my new passphrase'}
          </button>
        </div>
      </form>
      <p>
        <a href="/sign-in">Back to signing in</a>
      </p>
    </Page>
  );
}
