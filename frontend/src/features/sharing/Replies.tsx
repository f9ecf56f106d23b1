/** The replies beside a summary. */
import type { JSX } from 'preact';

import type { Schemas } from '../../lib/api';
import { when } from '../../lib/dates';

export function Replies({
  replies,
  otherName,
}: {
  replies: Schemas['ReplyView'][];
  otherName: string;
}): JSX.Element | null {
  if (replies.length === 0) return null;
  return (
    <section aria-labelledby="replies-heading">
      <h2 id="replies-heading">Replies</h2>
      <ul class="list" data-testid="replies">
        {replies.map((reply) => (
          <li key={reply.id} data-testid="reply">
            <span>
              <strong>{reply.from_me ? 'You' : otherName}:</strong> {reply.words}
              {reply.new && <span class="badge">new</span>}
            </span>
            <span class="muted"> {when(reply.created_at)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
