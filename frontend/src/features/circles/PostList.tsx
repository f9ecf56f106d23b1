/** Posts as the circle sees them, each with its author, and "take back" on one's own. */
import type { ComponentChildren, JSX } from 'preact';

import { type PostView, queueTakeBack } from './data';

export function PostItem({ post, children }: { post: PostView; children: ComponentChildren }): JSX.Element {
  return (
    <li class="post" data-testid={`post-${post.kind}`}>
      <p class="post-author">
        <strong>{post.mine ? 'You' : post.author.name}</strong>
      </p>
      {post.unreadable ? (
        <p class="muted" data-testid="post-unreadable">
          {post.unreadable}
        </p>
      ) : (
        children
      )}
      {post.mine && (
        <button type="button" class="quiet" onClick={() => void queueTakeBack(post.id)} data-testid="take-back">
          Take back<span class="visually-hidden"> your post</span>
        </button>
      )}
    </li>
  );
}

/** "Waiting to send" for one's own post while it sits in the outbox. */
export function WaitingNote(): JSX.Element {
  return (
    <p class="hint" data-testid="post-waiting">
      Saved on this phone. It goes to the circle as soon as you have signal.
    </p>
  );
}

/** Who has posted in a part (not what): seen at a glance. */
export function WhoPosted({ names, part }: { names: string[]; part: string }): JSX.Element {
  return (
    <p class="muted posted" data-testid={`posted-${part}`}>
      {names.length ? `Posted: ${names.join(', ')}` : 'Nobody yet'}
    </p>
  );
}
