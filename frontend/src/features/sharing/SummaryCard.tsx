/** A shared summary as the peer reads it: the same card in the preview, the inbox and "sent". */
import type { JSX } from 'preact';

import type { Schemas } from '../../lib/api';

type Content = Schemas['SummaryContent'];

const TREND_WORDS: Record<string, string> = { rising: 'going up', falling: 'going down', steady: 'about the same' };

function trend(value: string | null | undefined): string {
  return value ? `, ${TREND_WORDS[value] ?? value}` : '';
}

export function SummaryCard({ content, testid = 'summary-card' }: { content: Content; testid?: string }): JSX.Element {
  const scores = content.scores;
  return (
    <article class="card summary" data-testid={testid} aria-label={`${content.sharer_name}: ${content.period_label}`}>
      <p class="muted">
        From {content.sharer_name} · {content.period_label}
      </p>
      {content.note && (
        <blockquote class="note" data-testid="summary-note">
          {content.note}
        </blockquote>
      )}
      {content.help && <p data-testid="summary-help">{content.help}</p>}
      {scores && (
        <div data-testid="summary-scores">
          <h2>How things felt</h2>
          {scores.count === 0 ? (
            <p>No check-ins in this period.</p>
          ) : (
            <ul class="list">
              <li>
                Mood {scores.mood.toFixed(1)} of 5{trend(scores.mood_trend)}
              </li>
              <li>
                Energy {scores.energy.toFixed(1)} of 5{trend(scores.energy_trend)}
              </li>
              <li>
                Stress {scores.stress.toFixed(1)} of 5{trend(scores.stress_trend)}
              </li>
              <li class="muted">
                From {scores.count} check-in{scores.count === 1 ? '' : 's'}
              </li>
            </ul>
          )}
        </div>
      )}
      {content.commitments && (
        <p data-testid="summary-commitments">
          {content.commitments.due === 0
            ? 'No small commitments were due.'
            : `Kept ${content.commitments.kept} of ${content.commitments.due} small commitments.`}
        </p>
      )}
      {content.grounding_minutes !== null && content.grounding_minutes !== undefined && (
        <p data-testid="summary-grounding">
          {content.grounding_minutes} minute{content.grounding_minutes === 1 ? '' : 's'} of grounding.
        </p>
      )}
    </article>
  );
}
