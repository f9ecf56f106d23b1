/** What peers shared with you. Fetched fresh each time and never kept on the phone, so a
 * summary that was taken back is gone everywhere at once. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import { type Schemas, api, describeError } from '../../lib/api';
import { useSession } from '../../lib/session';
import { Page } from '../../ui/page';
import { SignedOut } from './SignedOut';
import { when } from '../../lib/dates';

export const OFFLINE =
  "You seem to be offline. What people share with you is only shown while you're connected, so it's never stored on this phone.";

export function Inbox(): JSX.Element {
  const session = useSession();
  const [items, setItems] = useState<Schemas['ReceivedView'][] | null>(null);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    if (session.status !== 'signed_in') return;
    api.GET('/api/sharing/inbox').then(
      ({ data, error }) => {
        setItems(data ?? null);
        setProblem(data ? '' : describeError(error));
      },
      () => {
        setItems(null);
        setProblem(OFFLINE);
      },
    );
  }, [session.status]);

  if (session.status !== 'signed_in') return <SignedOut title="Shared with you" next="/share/inbox" />;
  return (
    <Page title="Shared with you">
      {problem && (
        <p role="alert" data-testid="inbox-problem">
          {problem}
        </p>
      )}
      {items?.length === 0 && <p data-testid="inbox-empty">Nothing shared with you right now.</p>}
      {items && items.length > 0 && (
        <ul class="list" data-testid="inbox">
          {items.map((item) => (
            <li key={item.id} data-testid="inbox-row">
              <a href={`/share/inbox/${item.id}`}>
                {item.seen ? '' : 'New: '}
                {item.from_name} shared {item.content ? item.content.period_label.toLowerCase() : 'how they are'}
              </a>
              <span class="muted"> {when(item.created_at)}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/share">Back to sharing</a>
      </p>
    </Page>
  );
}
