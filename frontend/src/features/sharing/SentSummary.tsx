/** One summary you shared: whether it was seen, the replies, and taking it back. */
import type { JSX } from 'preact';
import { useLocation, useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';

import { type Schemas, api, describeError } from '../../lib/api';
import { useSession } from '../../lib/session';
import { Page } from '../../ui/page';
import { Replies } from './Replies';
import { reach } from '../../lib/reach';
import { SignedOut } from './SignedOut';
import { when } from '../../lib/dates';
import { type Opened, openSummary } from './sealing';
import { SummaryCard } from './SummaryCard';

export function SentSummary(): JSX.Element {
  const session = useSession();
  const { params } = useRoute();
  const { route } = useLocation();
  const id = params.id ?? '';
  const [item, setItem] = useState<Schemas['SentView'] | null | undefined>(undefined);
  const [message, setMessage] = useState('');
  const [opened, setOpened] = useState<Opened | null>(null);

  useEffect(() => {
    if (session.status !== 'signed_in') return;
    void reach(api.GET('/api/sharing/sent/{summary_id}', { params: { path: { summary_id: id } } })).then(({ data }) => {
      setItem(data ?? null);
      if (data) void openSummary(data, true).then(setOpened, (problem: Error) => setMessage(problem.message));
      // Seeing the replies here is reading them: they stop counting on Home's badge.
      if (data?.replies.some((reply) => reply.new)) {
        void reach(api.POST('/api/sharing/sent/{summary_id}/replies/read', { params: { path: { summary_id: id } } }));
      }
    });
  }, [session.status, id]);

  async function withdraw(): Promise<void> {
    if (!item || !confirm(`Take this back? ${item.to_name} won't be able to see it any more.`)) return;
    const { error } = await reach(
      api.DELETE('/api/sharing/sent/{summary_id}', { params: { path: { summary_id: id } } }),
    );
    if (error) setMessage(describeError(error));
    else route('/share');
  }

  if (session.status !== 'signed_in') return <SignedOut title="What you shared" next={`/share/sent/${id}`} />;
  if (!item) {
    return (
      <Page title="What you shared">
        <p role="alert">
          {item === null ? "This isn't here any more, or Steady couldn't reach the server." : 'Loading…'}
        </p>
        <p>
          <a href="/share">Back to sharing</a>
        </p>
      </Page>
    );
  }
  return (
    <Page title="What you shared" heading={`Shared with ${item.to_name}`}>
      <p class="muted" data-testid="sent-status">
        Sent {when(item.created_at)} · {item.seen_at ? `seen ${when(item.seen_at)}` : 'not seen yet'}
      </p>
      {item.sealed && (
        <p class="muted" data-testid="sealed-note">
          Sealed: only you and {item.to_name} can read this.
        </p>
      )}
      {opened ? <SummaryCard content={opened.content} /> : <p role="status">{message || 'Opening…'}</p>}
      {opened && <Replies replies={opened.replies} otherName={item.to_name} />}
      <div class="button-row">
        <button type="button" class="secondary" onClick={() => void withdraw()} data-testid="withdraw">
          Take it back
        </button>
        <a class="button quiet" href="/share">
          Back to sharing
        </a>
      </div>
      <p role="status">{message}</p>
    </Page>
  );
}
