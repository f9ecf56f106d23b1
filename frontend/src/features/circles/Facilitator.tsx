/** What the round's facilitator does: ask someone to bring the case, and close the round
 * with a short summary, sealed for the circle (it closes on time anyway if they can't).
 * Needs a connection. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';

import { api, describeError } from '../../lib/api';
import { useDraft } from '../../lib/drafts';
import { reach } from '../../lib/reach';
import { TextField } from '../../ui/field';
import { POST_LIMITS } from './limits';
import { CantSeal, sealSummary } from './sealing';
import { type CircleView, type RawCircle, type RoundView, keyringOf } from './data';

export function Facilitator({
  circle,
  round,
  onChanged,
}: {
  circle: CircleView;
  round: RoundView;
  onChanged: (next: RawCircle) => void;
}): JSX.Element {
  const summary = useDraft(`circle-summary-${round.id}`, '');
  const [message, setMessage] = useState('');
  const path = { circle_id: circle.id, round_id: round.id };
  const hasCase = round.posts.some((p) => p.kind === 'case');

  async function pick(value: string): Promise<void> {
    const { data, error } = await reach(
      api.PUT('/api/circles/{circle_id}/rounds/{round_id}/case-pick', {
        params: { path },
        body: { member_id: value ? Number(value) : null },
      }),
    );
    if (data) onChanged(data);
    setMessage(data ? '' : describeError(error));
  }

  async function close(event: Event): Promise<void> {
    event.preventDefault();
    const ring = keyringOf(circle.id);
    let sealed = null;
    try {
      if (summary.value.trim()) sealed = ring ? await sealSummary(ring, round.id, summary.value.trim()) : null;
    } catch (error) {
      setMessage(error instanceof CantSeal ? error.message : 'Your summary could not be sealed just now. Try again.');
      return;
    }
    const { data, error } = await reach(
      api.POST('/api/circles/{circle_id}/rounds/{round_id}/close', { params: { path }, body: { summary: sealed } }),
    );
    if (data) {
      await summary.clear();
      onChanged(data);
    } else setMessage(describeError(error));
  }

  return (
    <section class="card part facilitator" aria-labelledby="facilitator-heading" data-testid="facilitator-panel">
      <h2 id="facilitator-heading">You're facilitating this round</h2>
      {!hasCase && (
        <div class="field">
          <label for="case-pick">Who brings the case?</label>
          <select
            id="case-pick"
            value={round.case_pick ? String(round.case_pick.id) : ''}
            onChange={(e) => void pick(e.currentTarget.value)}
            data-testid="case-pick"
          >
            <option value="">Whoever volunteers</option>
            {circle.members.map((m) => (
              <option key={m.id} value={String(m.id)}>
                {m.me ? 'Me' : m.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <form noValidate onSubmit={(e) => void close(e)}>
        <TextField
          id="round-summary"
          label="A short summary for the circle (optional)"
          hint="What came up and what people will try. No names of patients, clients or students."
          value={summary.value}
          onInput={summary.set}
          maxLength={POST_LIMITS.summary}
          multiline
        />
        <button type="submit" class="secondary" data-testid="round-close">
          Close the round
        </button>
      </form>
      <p role="status">{message}</p>
    </section>
  );
}
