/** Parts 3 and 4: one small change each (one tap makes it a commitment on your own Today
 * list), and appreciations for the circle or one member. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';

import { POST_LIMITS } from './limits';
import { useDraft } from '../../lib/drafts';
import { TextField } from '../../ui/field';
import { createCommitment } from '../commitments/public';
import { type MemberRef, type PostView, type Waiting, queuePost } from './data';
import { PostItem, WaitingNote, WhoPosted } from './PostList';

export function ChangePart({
  roundId,
  posts,
  waiting,
}: {
  roundId: string;
  posts: PostView[];
  waiting: Waiting | undefined;
}): JSX.Element {
  const mine = posts.find((p) => p.mine);
  const draft = useDraft(`circle-change-${roundId}`, { text: '', toToday: true });
  const { text, toToday } = draft.value;
  const [error, setError] = useState('');

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    if (!text.trim()) {
      setError('Name one small change you could try before the next round.');
      document.getElementById('change-text')?.focus();
      return;
    }
    const commitment = toToday ? await createCommitment({ title: text.trim(), why: 'From my circle' }) : null;
    if (
      !(await queuePost({
        kind: 'change',
        round_id: roundId,
        text: text.trim(),
        commitment_id: commitment?.id ?? null,
      }))
    )
      return;
    await draft.clear();
  }

  return (
    <section class="card part" aria-labelledby="part-change">
      <h2 id="part-change">3. One small change</h2>
      <WhoPosted part="change" names={posts.map((p) => (p.mine ? 'you' : p.author.name))} />
      <ul class="list">
        {posts.map((post) => (
          <PostItem key={post.id} post={post}>
            <p>{post.text}</p>
            {post.mine && post.commitment_id && (
              <p class="hint">
                On your <a href="/today">Today list</a>.
              </p>
            )}
          </PostItem>
        ))}
      </ul>
      {waiting && <WaitingNote />}
      {!mine && !waiting && (
        <form noValidate onSubmit={(e) => void save(e)} data-testid="change-form">
          <TextField
            id="change-text"
            label="One small change I'll try before the next round"
            value={text}
            onInput={(value) => {
              draft.set({ ...draft.value, text: value });
              setError('');
            }}
            maxLength={POST_LIMITS.change}
            required
            error={error}
          />
          <label class="check">
            <input
              type="checkbox"
              checked={toToday}
              onChange={(e) => draft.set({ ...draft.value, toToday: e.currentTarget.checked })}
              data-testid="change-to-today"
            />
            Add it to my Today list
          </label>
          <button type="submit" data-testid="change-post">
            Post my small change
          </button>
        </form>
      )}
    </section>
  );
}

export function AppreciationPart({
  roundId,
  posts,
  waiting,
  members,
  me,
}: {
  roundId: string;
  posts: PostView[];
  waiting: Waiting | undefined;
  members: MemberRef[];
  me: number;
}): JSX.Element {
  const mine = posts.find((p) => p.mine);
  const draft = useDraft(`circle-thanks-${roundId}`, { text: '', to: '' });
  const { text, to } = draft.value;
  const [error, setError] = useState('');

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    if (!text.trim()) {
      setError('Write a few words of thanks.');
      document.getElementById('thanks-text')?.focus();
      return;
    }
    if (
      !(await queuePost({
        kind: 'appreciation',
        round_id: roundId,
        text: text.trim(),
        to_member: to ? Number(to) : null,
      }))
    )
      return;
    await draft.clear();
  }

  return (
    <section class="card part" aria-labelledby="part-thanks">
      <h2 id="part-thanks">4. Appreciations</h2>
      <WhoPosted part="appreciation" names={posts.map((p) => (p.mine ? 'you' : p.author.name))} />
      <ul class="list">
        {posts.map((post) => (
          <PostItem key={post.id} post={post}>
            <p>
              {post.to_member ? `To ${post.to_member.id === me ? 'you' : post.to_member.name}: ` : 'To the circle: '}
              {post.text}
            </p>
          </PostItem>
        ))}
      </ul>
      {waiting && <WaitingNote />}
      {!mine && !waiting && (
        <form noValidate onSubmit={(e) => void save(e)} data-testid="thanks-form">
          <div class="field">
            <label for="thanks-to">Thank</label>
            <select
              id="thanks-to"
              value={to}
              onChange={(e) => draft.set({ ...draft.value, to: e.currentTarget.value })}
            >
              <option value="">The whole circle</option>
              {members
                .filter((m) => m.id !== me)
                .map((m) => (
                  <option key={m.id} value={String(m.id)}>
                    {m.name}
                  </option>
                ))}
            </select>
          </div>
          <TextField
            id="thanks-text"
            label="A few words of thanks"
            value={text}
            onInput={(value) => {
              draft.set({ ...draft.value, text: value });
              setError('');
            }}
            maxLength={POST_LIMITS.appreciation}
            multiline
            required
            error={error}
          />
          <button type="submit" data-testid="thanks-post">
            Send thanks
          </button>
        </form>
      )}
    </section>
  );
}
