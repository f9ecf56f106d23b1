/** The recovery key, shown once after keys are made: the only way back into sealed
 * messages if the passphrase is forgotten, so the person confirms they kept it. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';

import { TextField } from '../../ui/field';
import { Page } from '../../ui/page';

export function RecoveryKeyShown({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }): JSX.Element {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState('');
  const [copied, setCopied] = useState('');
  const lastGroup = recoveryKey.slice(-4);

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(recoveryKey);
      setCopied('Copied. Paste it somewhere only you can open, then clear your clipboard.');
    } catch {
      setCopied("Copying isn't allowed here: please write it down instead.");
    }
  }

  function confirm(event: Event): void {
    event.preventDefault();
    if (typed.trim().toUpperCase() !== lastGroup) {
      setError(`Type the last four characters of your recovery key (they end in ${lastGroup.slice(-1)}).`);
      document.getElementById('recovery-confirm')?.focus();
      return;
    }
    onDone();
  }

  return (
    <Page title="Your recovery key">
      <p>
        What you share with peers and circles is sealed on your phone, so no one running Steady can read it. If you ever
        forget your passphrase, this key is the only way back to it. Nobody else has a copy — not Steady, not your
        employer.
      </p>
      <p
        class="recovery-key"
        data-testid="recovery-key"
        aria-label={`Recovery key: ${recoveryKey.split('').join(' ')}`}
      >
        {recoveryKey}
      </p>
      <div class="button-row">
        <button type="button" class="secondary" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p role="status">{copied}</p>
      <p>Write it on paper or keep it in a password manager. Don't keep it only on this phone.</p>
      <form noValidate onSubmit={confirm} data-testid="recovery-confirm-form">
        <TextField
          id="recovery-confirm"
          label="To check you've kept it, type its last four characters"
          value={typed}
          onInput={(value) => {
            setTyped(value);
            setError('');
          }}
          maxLength={9}
          autoComplete="off"
          required
          error={error}
        />
        <button type="submit" data-testid="recovery-kept">
          I've kept it safe
        </button>
      </form>
    </Page>
  );
}
