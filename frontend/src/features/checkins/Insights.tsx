/** Insights: trends over 7, 30 or 90 days as small charts with words, and gentle patterns. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import { addDays, today } from '../../lib/dates';
import { listen } from '../../lib/events';
import { Page } from '../../ui/page';
import { Chart } from './Chart';
import { checkinsBetween } from './data';
import { type InsightData, computeInsights, patterns, trendSentence } from './insights';
import { CONTEXTS, SCALES, markLabel } from './scales';

const WINDOWS = [7, 30, 90] as const;

export function Insights(): JSX.Element {
  const [days, setDays] = useState<(typeof WINDOWS)[number]>(7);
  const [data, setData] = useState<InsightData | null>(null);
  useEffect(() => {
    const load = () => {
      const end = today();
      void checkinsBetween(addDays(end, -(days - 1)), end).then((items) => setData(computeInsights(items, days, end)));
    };
    load();
    return listen('checkins', load);
  }, [days]);

  return (
    <Page title="Insights">
      <fieldset>
        <legend>Looking back over</legend>
        <div class="chips">
          {WINDOWS.map((window) => (
            <label key={window}>
              <input
                type="radio"
                name="window"
                checked={days === window}
                onChange={() => setDays(window)}
                data-testid={`window-${window}`}
              />
              {window} days
            </label>
          ))}
        </div>
      </fieldset>
      {data === null ? null : !data.enough ? (
        <p class="card" data-testid="not-enough">
          Not enough check-ins yet to show a trend over {data.days} days: there {data.count === 1 ? 'is' : 'are'}{' '}
          {data.count}, and insights start at 3. Every check-in helps you see yourself more clearly.
        </p>
      ) : (
        <>
          <section aria-labelledby="trends-heading">
            <h2 id="trends-heading">Trends</h2>
            {SCALES.filter((s) => s.name !== 'connected').map((scale) => (
              <Chart
                key={scale.name}
                data={data}
                scale={scale.name}
                label={scale.question}
                summary={trendSentence(data, scale.name, scale.question)}
              />
            ))}
          </section>
          <section aria-labelledby="patterns-heading" data-testid="patterns">
            <h2 id="patterns-heading">Patterns</h2>
            {patterns(data).length ? (
              <ul class="list">
                {patterns(data).map((sentence) => (
                  <li key={sentence}>{sentence}</li>
                ))}
              </ul>
            ) : (
              <p class="muted">No clear patterns yet. They show up as check-ins add up.</p>
            )}
          </section>
          <section aria-labelledby="context-heading">
            <h2 id="context-heading">Before, on and after shifts</h2>
            <p class="hint">Averages by when you said the check-in was, from 1 (low) to 5 (high).</p>
            <ul class="list averages" data-testid="by-context">
              {data.byContext.map((row) => (
                <li key={row.context}>
                  <strong>{CONTEXTS.find((c) => c.value === row.context)?.label ?? 'Not said'}</strong>
                  <span class="hint">
                    {row.count} {row.count === 1 ? 'check-in' : 'check-ins'}
                  </span>
                  <span>
                    Mood {row.mood.toFixed(1)} · energy {row.energy.toFixed(1)} · stress {row.stress.toFixed(1)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          {data.bodySignals.length > 0 && (
            <section aria-labelledby="body-heading">
              <h2 id="body-heading">What your body said most</h2>
              <ul class="list">
                {data.bodySignals.map((signal) => (
                  <li key={signal.value}>
                    {markLabel(signal.value)}: {signal.count} {signal.count === 1 ? 'time' : 'times'}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </Page>
  );
}
