/** Reminders: this phone's switch, the shift button, and what to be reminded of. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import { api, describeError } from '../../lib/api';
import { useSession } from '../../lib/session';
import { Page } from '../../ui/page';
import { Devices } from './Devices';
import { Preferences } from './Preferences';

function ShiftButton(): JSX.Element {
  const [since, setSince] = useState<string | null | undefined>(undefined);
  const [message, setMessage] = useState('');
  useEffect(() => {
    void api.GET('/api/reminders/shift').then(({ data }) => setSince(data ? (data.current?.started_at ?? null) : null));
  }, []);

  async function toggle(): Promise<void> {
    const { data, error } = since ? await api.POST('/api/reminders/shift/end') : await api.POST('/api/reminders/shift/start');
    if (!data) {
      setMessage(describeError(error));
      return;
    }
    setSince(data.current?.started_at ?? null);
    setMessage(data.current ? 'On shift. Reminders will wait until you end it.' : 'Shift ended. Go gently.');
  }

  const started = since ? new Date(since).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '';
  return (
    <section aria-labelledby="shift-heading" class="card">
      <h2 id="shift-heading">Shift</h2>
      <p>{since ? `On shift since ${started}.` : 'Not on shift.'}</p>
      <button type="button" onClick={() => void toggle()} disabled={since === undefined} data-testid="shift-toggle">
        {since ? 'End shift' : 'Start shift'}
      </button>
      <p role="status">{message}</p>
    </section>
  );
}

export function Reminders(): JSX.Element {
  const session = useSession();
  if (session.status !== 'signed_in') {
    return (
      <Page title="Reminders">
        <p>Reminders come from your Steady account, so they need you to be signed in. Everything else works without one.</p>
        <p>
          <a class="button" href="/sign-in">
            Sign in
          </a>
        </p>
      </Page>
    );
  }
  return (
    <Page title="Reminders">
      <p>Gentle nudges for the small things you planned: never during quiet hours or a shift, and never more than you choose.</p>
      <ShiftButton />
      <Devices />
      <Preferences />
    </Page>
  );
}
