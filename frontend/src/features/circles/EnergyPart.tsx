/** Part 1, the energy round: each member's energy (1 to 5), one word, and if they like a
 * win, a challenge, and how last round's small change went. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';

import { POST_LIMITS } from './limits';
import { useDraft } from '../../lib/drafts';
import { TextField } from '../../ui/field';
import { type PostView, type Waiting, queuePost } from './data';
import { PostItem, WaitingNote, WhoPosted } from './PostList';

interface EnergyDraft {
  energy: number | null;
  word: string;
  win: string;
  challenge: string;
  lastChange: string;
}

const LEVELS = ['Running on empty', 'Low', 'Getting by', 'Fairly good', 'Full of energy'];

export function EnergyPart({
  roundId,
  posts,
  waiting,
  askAboutChange,
}: {
  roundId: string;
  posts: PostView[];
  waiting: Waiting | undefined;
  askAboutChange: boolean;
}): JSX.Element {
  const mine = posts.find((p) => p.mine);
  const draft = useDraft<EnergyDraft>(`circle-energy-${roundId}`, {
    energy: mine?.energy ?? null,
    word: mine?.word ?? '',
    win: mine?.win ?? '',
    challenge: mine?.challenge ?? '',
    lastChange: mine?.last_change ?? '',
  });
  const { energy, word, win, challenge, lastChange } = draft.value;
  const change = (part: Partial<EnergyDraft>) => draft.set({ ...draft.value, ...part });
  const edit = (post: PostView) => {
    draft.set({
      energy: post.energy ?? null,
      word: post.word ?? '',
      win: post.win ?? '',
      challenge: post.challenge ?? '',
      lastChange: post.last_change ?? '',
    });
    setEditing(true);
  };
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState(false);

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (energy === null) problems.energy = 'Choose how much energy you have, from 1 to 5.';
    if (!word.trim()) problems.word = 'Write one word for how you are.';
    setErrors(problems);
    if (Object.keys(problems).length) {
      document.getElementById(problems.energy ? 'energy-1' : 'energy-word')?.focus();
      return;
    }
    if (
      !(await queuePost(
        {
          kind: 'energy',
          round_id: roundId,
          energy: energy!,
          word: word.trim(),
          win,
          challenge,
          last_change: lastChange,
        },
        mine?.id ?? waiting?.id,
      ))
    )
      return;
    await draft.clear();
    setEditing(false);
  }

  const showForm = editing || (!mine && !waiting);
  return (
    <section class="card part" aria-labelledby="part-energy">
      <h2 id="part-energy">1. Energy round</h2>
      <WhoPosted part="energy" names={posts.map((p) => (p.mine ? 'you' : p.author.name))} />
      <ul class="list">
        {posts.map((post) => (
          <PostItem key={post.id} post={post}>
            <p>
              Energy {post.energy}/5 · <em>{post.word}</em>
            </p>
            {post.win && <p>Win: {post.win}</p>}
            {post.challenge && <p>Challenge: {post.challenge}</p>}
            {post.last_change && <p>Last small change: {post.last_change}</p>}
            {post.mine && !editing && (
              <button type="button" class="secondary" onClick={() => edit(post)}>
                Change<span class="visually-hidden"> your energy post</span>
              </button>
            )}
          </PostItem>
        ))}
      </ul>
      {waiting && !editing && <WaitingNote />}
      {showForm && (
        <form noValidate onSubmit={(e) => void save(e)} data-testid="energy-form">
          <fieldset class="scale-set" aria-describedby={errors.energy ? 'energy-error' : undefined}>
            <legend>How much energy do you have?</legend>
            <div class="scale">
              {LEVELS.map((label, index) => (
                <label key={label}>
                  <input
                    id={`energy-${index + 1}`}
                    type="radio"
                    name="energy"
                    checked={energy === index + 1}
                    aria-invalid={errors.energy && index === 0 ? true : undefined}
                    onChange={() => change({ energy: index + 1 })}
                    data-testid={`energy-${index + 1}`}
                  />
                  <strong>{index + 1}</strong>
                  <span>{label}</span>
                </label>
              ))}
            </div>
            {errors.energy && (
              <span class="field-error" id="energy-error">
                {errors.energy}
              </span>
            )}
          </fieldset>
          <TextField
            id="energy-word"
            label="One word for how you are"
            value={word}
            onInput={(value) => change({ word: value })}
            maxLength={POST_LIMITS.word}
            required
            error={errors.word}
          />
          <TextField
            id="energy-win"
            label="A win to celebrate (optional)"
            value={win}
            onInput={(value) => change({ win: value })}
            maxLength={POST_LIMITS.win}
            multiline
          />
          <TextField
            id="energy-challenge"
            label="A challenge (optional)"
            value={challenge}
            onInput={(value) => change({ challenge: value })}
            maxLength={POST_LIMITS.challenge}
            multiline
          />
          {askAboutChange && (
            <TextField
              id="energy-last-change"
              label="How did last round's small change go? (optional)"
              value={lastChange}
              onInput={(value) => change({ lastChange: value })}
              maxLength={POST_LIMITS.last_change}
              multiline
            />
          )}
          <button type="submit" data-testid="energy-post">
            Post to the circle
          </button>
        </form>
      )}
    </section>
  );
}
