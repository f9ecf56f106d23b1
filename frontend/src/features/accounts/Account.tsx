/** Your account: time zone, passphrase, signing out (here or everywhere), deleting it all. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';

import { type ErrorBody, api, describeError, fieldMessages } from '../../lib/api';
import { pendingCount } from '../../lib/outbox';
import { adoptSession, useSession } from '../../lib/session';
import { db } from '../../lib/store';
import { syncNow } from '../../lib/sync';
import { TextField } from '../../ui/field';
import { Page } from '../../ui/page';
import { clearDevice } from './device';
import { NewPassphrase } from './NewPassphrase';
import { passphraseProblem } from './strength';

function zones(current: string): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  const known = intl.supportedValuesOf?.('timeZone') ?? [];
  // The browser's list leaves out UTC (and may lack the account's own zone): add them.
  return [...new Set(['UTC', current, ...known])];
}

export function Account(): JSX.Element {
  const session = useSession();
  const { route } = useLocation();
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [current, setCurrent] = useState('');
  const [fresh, setFresh] = useState('');
  const [confirmDelete, setConfirmDelete] = useState('');
  const [clearPhone, setClearPhone] = useState(false);

  if (session.status !== 'signed_in' || !session.account) {
    return (
      <Page title="Account">
        <p>You're not signed in. Everything still works and stays on this phone.</p>
        <p>
          <a href="/your-data">Your data: download or import everything on this phone</a>
        </p>
        <p>
          <a class="button" href="/sign-in">
            Sign in
          </a>
        </p>
      </Page>
    );
  }
  const account = session.account;

  async function signOut(everywhere: boolean): Promise<void> {
    await syncNow();
    const waiting = await pendingCount();
    if (
      waiting > 0 &&
      !window.confirm(
        `${waiting} change(s) haven't reached your account yet. They'll stay on this phone and be sent next time you sign in here. Sign out anyway?`,
      )
    ) {
      return;
    }
    const result = everywhere ? await api.DELETE('/api/sessions') : await api.DELETE('/api/session');
    if (result.response.status !== 204) {
      setMessage(describeError(result.error));
      return;
    }
    if (clearPhone) await clearDevice();
    else await (await db()).delete('keys', 'mine'); // the keys come back with the passphrase
    await adoptSession({ signed_in: false, account: null, csrf_token: '' });
    route('/');
  }

  async function changeTimeZone(zone: string): Promise<void> {
    const { data, error } = await api.PATCH('/api/account', { body: { time_zone: zone } });
    if (data) await adoptSession({ signed_in: true, account: data, csrf_token: '' });
    setMessage(data ? `Days are now counted in ${zone}.` : describeError(error));
  }

  async function changePassphrase(event: Event): Promise<void> {
    event.preventDefault();
    setErrors({});
    const problem = await passphraseProblem(fresh, account.username);
    if (problem) {
      setErrors({ new_passphrase: problem });
      document.getElementById('new_passphrase')?.focus();
      return;
    }
    setMessage(account.sealed ? 'Re-wrapping your keys… this takes a moment.' : '');
    const { error, response } = account.sealed
      ? await changeSealedPassphrase()
      : await api.PUT('/api/account/passphrase', { body: { current_passphrase: current, new_passphrase: fresh } });
    if (response.status === 204) {
      setCurrent('');
      setFresh('');
      setMessage('Passphrase changed. Other devices have been signed out.');
    } else {
      setErrors(fieldMessages(error));
      setMessage(describeError(error));
    }
  }

  /** A sealed account's new passphrase: the same account key, wrapped under the new one
   * on this phone (the crypto code loads only now). */
  async function changeSealedPassphrase() {
    const { unlockPassphrase } = await import('../../lib/passphrase');
    const { KeyStepFailed, rewrapForNewPassphrase } = await import('../../lib/keyring');
    try {
      const body = await rewrapForNewPassphrase(
        await unlockPassphrase(account.username, current),
        await unlockPassphrase(account.username, fresh),
      );
      return await api.PUT('/api/keys/login-key', { body });
    } catch (problem) {
      const detail =
        problem instanceof KeyStepFailed ? problem.message : "You're offline. Try again when you have signal.";
      const error: ErrorBody = {
        detail,
        status_code: 403,
        errors: [{ field: 'current_passphrase', message: detail, source: 'body' }],
      };
      return { error, response: new Response(null, { status: 403 }) };
    }
  }

  async function deleteAccount(event: Event): Promise<void> {
    event.preventDefault();
    let passphrase = confirmDelete;
    if (account.sealed) {
      const { unlockPassphrase } = await import('../../lib/passphrase');
      passphrase = (await unlockPassphrase(account.username, confirmDelete)).loginKey;
    }
    const { error, response } = await api.POST('/api/account/deletion', { body: { passphrase } });
    if (response.status !== 204) {
      setErrors(fieldMessages(error));
      setMessage(describeError(error));
      return;
    }
    await clearDevice();
    await adoptSession({ signed_in: false, account: null, csrf_token: '' });
    route('/');
  }

  return (
    <Page title="Account">
      <p>
        Signed in as <strong data-testid="account-username">{account.username}</strong>.
      </p>
      <p role="status" data-testid="account-message">
        {message}
      </p>

      <p>
        <a href="/what-the-host-sees" data-testid="host-sees-link">
          What the people running Steady can and can't see
        </a>
      </p>
      <p>
        <a href="/your-data" data-testid="your-data-link">
          Your data: download or import everything
        </a>
      </p>
      <p>
        <a href="/reminders">Reminders, shifts and quiet hours</a>
      </p>

      <section class="card" aria-labelledby="zone-heading">
        <h2 id="zone-heading">Time zone</h2>
        <p class="muted">"Today" and your weekly patterns are counted in this time zone.</p>
        <label for="time-zone">Time zone</label>
        <select id="time-zone" value={account.time_zone} onChange={(e) => void changeTimeZone(e.currentTarget.value)}>
          {zones(account.time_zone).map((zone) => (
            <option key={zone} value={zone}>
              {zone.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      </section>

      <section class="card" aria-labelledby="signout-heading">
        <h2 id="signout-heading">Sign out</h2>
        <label class="check">
          <input type="checkbox" checked={clearPhone} onChange={(e) => setClearPhone(e.currentTarget.checked)} />
          Also remove my Steady data from this phone
        </label>
        <div class="button-row">
          <button type="button" onClick={() => void signOut(false)} data-testid="sign-out">
            Sign out
          </button>
          <button type="button" class="secondary" onClick={() => void signOut(true)} data-testid="sign-out-everywhere">
            Sign out everywhere
          </button>
        </div>
      </section>

      <section class="card" aria-labelledby="passphrase-heading">
        <h2 id="passphrase-heading">Change passphrase</h2>
        <form onSubmit={(event) => void changePassphrase(event)} noValidate>
          <TextField
            id="current_passphrase"
            label="Current passphrase"
            type="password"
            autoComplete="current-password"
            value={current}
            onInput={setCurrent}
            error={errors.current_passphrase}
          />
          <NewPassphrase
            id="new_passphrase"
            label="New passphrase"
            value={fresh}
            onInput={(value) => {
              setFresh(value);
              setErrors(({ new_passphrase: _, ...others }) => others);
            }}
            username={account.username}
            error={errors.new_passphrase}
          />
          <button type="submit" class="secondary">
            Change passphrase
          </button>
        </form>
      </section>

      <section class="card" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete account</h2>
        <p>
          This removes your account and everything Steady holds for it, on the server and on this phone. It can't be
          undone.
        </p>
        <form onSubmit={(event) => void deleteAccount(event)} noValidate>
          <TextField
            id="delete_passphrase"
            label="Type your passphrase to confirm"
            type="password"
            autoComplete="current-password"
            value={confirmDelete}
            onInput={setConfirmDelete}
            error={errors.passphrase}
          />
          <button type="submit" class="danger" data-testid="delete-account">
            Delete my account
          </button>
        </form>
      </section>
    </Page>
  );
}
