/** Sign in and create an account: a username and a passphrase, nothing more. The
 * passphrase never leaves the phone: it becomes a login key (sent) and a master key
 * (kept) that opens this person's keys, and a new account's recovery key is shown once. */
import { MAX_LENGTH } from '../../lib/api-limits';
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';

import { api, describeError, fieldMessages } from '../../lib/api';
import { focusFirstProblem } from '../../lib/forms';
import { KeyStepFailed, createKeys, unlockKeys } from '../../lib/keyring';
import { type UnlockedPassphrase, unlockPassphrase } from '../../lib/passphrase';
import { adoptSession } from '../../lib/session';
import { TextField } from '../../ui/field';
import { Page } from '../../ui/page';
import { prepareDeviceFor, unsentChangesOfAnotherAccount } from './device';
import { NewPassphrase } from './NewPassphrase';
import { RecoveryKeyShown } from './RecoveryKeyShown';
import { passphraseProblem } from './strength';

function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function AuthForm({ mode }: { mode: 'sign-in' | 'sign-up' }): JSX.Element {
  const { route, query } = useLocation();
  const [username, setUsername] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const signingUp = mode === 'sign-up';
  const next = query.next?.startsWith('/') ? query.next : '/';

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setErrors({});
    setFormError('');
    const missing: Record<string, string> = {};
    if (!username.trim()) missing.username = 'Your username is needed.';
    if (!passphrase) missing.passphrase = 'Your passphrase is needed.';
    if (Object.keys(missing).length) {
      setErrors(missing);
      focusFirstProblem(form.current);
      return;
    }
    const others = await unsentChangesOfAnotherAccount(username);
    if (
      others > 0 &&
      !window.confirm(
        `This phone still holds ${others} unsent change(s) from another account. Signing in as ${username} will remove them. Continue?`,
      )
    ) {
      return;
    }
    if (signingUp) {
      const problem = await passphraseProblem(passphrase, username);
      if (problem) {
        setErrors({ passphrase: problem });
        focusFirstProblem(form.current);
        return;
      }
    }
    setBusy(true);
    setProgress('Unlocking… this takes a moment.');
    try {
      const unlocked = await unlockPassphrase(username, passphrase);
      const result = signingUp
        ? await api.POST('/api/accounts', {
            body: { username, passphrase: unlocked.loginKey, key_salt: unlocked.salt, time_zone: deviceTimeZone() },
          })
        : await signIn(unlocked);
      if (result.data) {
        await prepareDeviceFor(result.data.account?.username ?? username);
        await adoptSession(result.data);
        const hasKeys = !signingUp && (await unlockKeys(username, unlocked.masterKey));
        if (hasKeys) route(next);
        else setRecoveryKey(await createKeys(username, unlocked.masterKey));
        return;
      }
      const fields = fieldMessages(result.error);
      setErrors(fields);
      // Problems with a field are said beside it; anything else above the form.
      setFormError(Object.keys(fields).length ? '' : describeError(result.error));
      focusFirstProblem(form.current);
    } catch (error) {
      setFormError(
        error instanceof KeyStepFailed
          ? error.message
          : "You're offline. Everything you do still saves on this phone; sign in when you have signal.",
      );
    } finally {
      setBusy(false);
      setProgress('');
    }
  }

  /** Sign in with the login key; an account made before sealing is moved over by sending
   * the passphrase one last time (the server asks with a 409). */
  async function signIn(unlocked: UnlockedPassphrase) {
    const withKey = await api.POST('/api/session', {
      body: { username, passphrase: unlocked.loginKey, login_key: true },
    });
    if (withKey.response.status !== 409) return withKey;
    return api.POST('/api/session', {
      body: { username, passphrase, login_key: false, upgrade_to: unlocked.loginKey, key_salt: unlocked.salt },
    });
  }

  if (recoveryKey) return <RecoveryKeyShown recoveryKey={recoveryKey} onDone={() => route(next)} />;

  return (
    <Page title={signingUp ? 'Create an account' : 'Sign in'}>
      <p class="muted">
        {signingUp
          ? 'An account keeps your toolkit and check-ins safe across phones, and lets you share with a peer. No email or real name needed.'
          : 'Signing in syncs what you keep on this phone with your account.'}
      </p>
      <form ref={form} onSubmit={(event) => void submit(event)} data-testid={`${mode}-form`} noValidate>
        {formError && (
          <p class="form-error" role="alert" tabIndex={-1} data-problem data-testid="form-error">
            {formError}
          </p>
        )}
        <TextField
          id="username"
          label="Username"
          hint={signingUp ? '3 to 32 letters, numbers, dots, dashes or underscores.' : undefined}
          value={username}
          onInput={setUsername}
          autoComplete="username"
          required
          maxLength={MAX_LENGTH.SignUp.username}
          error={errors.username}
        />
        {signingUp ? (
          <NewPassphrase
            id="passphrase"
            label="Passphrase"
            value={passphrase}
            onInput={(value) => {
              setPassphrase(value);
              setErrors(({ passphrase: _, ...others }) => others);
            }}
            username={username}
            error={errors.passphrase}
          />
        ) : (
          <TextField
            id="passphrase"
            label="Passphrase"
            type="password"
            value={passphrase}
            onInput={setPassphrase}
            autoComplete="current-password"
            required
            maxLength={MAX_LENGTH.SignUp.passphrase}
            error={errors.passphrase}
          />
        )}
        <div class="button-row">
          <button type="submit" disabled={busy} data-testid="auth-submit">
            {signingUp ? 'Create account' : 'Sign in'}
          </button>
        </div>
        <p role="status" class="muted" data-testid="auth-progress">
          {progress}
        </p>
      </form>
      <p>
        {signingUp ? (
          <>
            Already have an account? <a href="/sign-in">Sign in</a>
          </>
        ) : (
          <>
            New to Steady?{' '}
            <a href="/sign-up" data-testid="sign-up-link">
              Create an account
            </a>
            <br />
            Forgot your passphrase?{' '}
            <a href="/recover" data-testid="recover-link">
              Use your recovery key
            </a>
          </>
        )}
      </p>
      <p class="muted">You don't need an account to use Steady: everything works on this phone without one.</p>
    </Page>
  );
}

export const SignIn = (): JSX.Element => <AuthForm mode="sign-in" />;
export const SignUp = (): JSX.Element => <AuthForm mode="sign-up" />;
