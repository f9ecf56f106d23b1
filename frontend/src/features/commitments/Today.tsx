/** Today's commitments: one tap to mark done (and undo), with progress that never shames. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import { addDays, hourIn, shortDay, today } from '../../lib/dates';
import { listen } from '../../lib/events';
import type { LocalCommitment, LocalCompletion } from '../../lib/store';
import { Page } from '../../ui/page';
import { GENTLE_LIMIT, STARTERS, useCommitments } from './data';
import { complete, createCommitment, undo } from './writes';
import { type Progress, isDue, progress } from './progress';
import { ShiftButton, shiftDays } from '../shifts/public';

import { nowDate } from '../../lib/clock';

const ORDINAL: Record<number, string> = { 1: 'first', 7: '7th', 30: '30th', 100: '100th' };

function KeptLine({ result }: { result: Progress }): JSX.Element {
  if (!result.due7) {
    return (
      <p class="hint" data-testid="kept">
        New: today is day one. Tap Done once you've done it.
      </p>
    );
  }
  return (
    <p class="hint" data-testid="kept">
      Kept {result.kept7} of the last {result.due7} due {result.due7 === 1 ? 'day' : 'days'} · Strength{' '}
      {Math.round(result.strength * 100)}%
    </p>
  );
}

function Item({
  commitment,
  day,
  tick,
  result,
  onDone,
}: {
  commitment: LocalCommitment;
  day: string;
  tick: LocalCompletion | undefined;
  result: Progress;
  onDone: () => void;
}): JSX.Element {
  return (
    <li class="commitment" data-testid="today-item">
      <div>
        <strong>{commitment.title}</strong>
        {commitment.why && <span class="hint">{commitment.why}</span>}
        <KeptLine result={result} />
        {result.due7 > 0 && (
          <span class="strength" aria-hidden="true">
            <span style={{ width: `${Math.round(result.strength * 100)}%` }} />
          </span>
        )}
      </div>
      {tick ? (
        <button
          type="button"
          class="secondary"
          aria-pressed="true"
          onClick={() => void undo(tick.id)}
          data-testid="undo"
        >
          Done ✓<span class="visually-hidden">, tap to undo {commitment.title}</span>
        </button>
      ) : (
        <button
          type="button"
          aria-pressed="false"
          onClick={() => {
            onDone();
            void complete(commitment.id, day);
          }}
          data-testid="done"
        >
          Done<span class="visually-hidden">: {commitment.title}</span>
        </button>
      )}
    </li>
  );
}

export function Today(): JSX.Element {
  const state = useCommitments();
  const [shifts, setShifts] = useState<Set<string>>(new Set());
  const [lastNight, setLastNight] = useState(false);
  const [celebrate, setCelebrate] = useState<{ id: string; before: number } | null>(null);
  useEffect(() => {
    const load = () => void shiftDays().then(setShifts);
    load();
    const stop = [listen('checkins', load), listen('shifts', load)];
    return () => {
      for (const unsubscribe of stop) unsubscribe();
    };
  }, []);

  const now = today();
  const day = lastNight ? addDays(now, -1) : now;
  const active = (state?.commitments ?? []).filter((c) => c.active);
  const doneDays = (id: string) =>
    new Set((state?.completions ?? []).filter((t) => t.commitment_id === id).map((t) => t.local_date));
  const resultFor = (c: LocalCommitment) => progress(c, day, doneDays(c.id), shifts, doneDays(c.id).size);
  const tickFor = (c: LocalCommitment) =>
    state?.completions.find((t) => t.commitment_id === c.id && t.local_date === day);
  const dueToday = active.filter((c) => c.cadence !== 'after_shift' && isDue(c, day, shifts));
  const afterShift = active.filter((c) => c.cadence === 'after_shift' && c.starts_on <= day);
  const celebrated = celebrate && active.find((c) => c.id === celebrate.id);
  const reached = celebrated ? doneDays(celebrated.id).size : 0;
  const milestone = celebrated && reached > celebrate.before && ORDINAL[reached] ? ORDINAL[reached] : null;

  const item = (c: LocalCommitment) => (
    <Item
      key={c.id}
      commitment={c}
      day={day}
      tick={tickFor(c)}
      result={resultFor(c)}
      onDone={() => setCelebrate({ id: c.id, before: doneDays(c.id).size })}
    />
  );

  return (
    <Page title="Today's commitments">
      <p class="muted">{shortDay(day)}. One small thing at a time; a missed day is just a day.</p>
      <ShiftButton compact />
      {hourIn(nowDate()) < 6 && (
        <label class="check">
          <input
            type="checkbox"
            checked={lastNight}
            onChange={(e) => setLastNight(e.currentTarget.checked)}
            data-testid="count-for-yesterday"
          />
          Still on last night's shift? Count ticks for {shortDay(addDays(now, -1))}
        </label>
      )}
      <p role="status" class="saved-note" data-testid="milestone">
        {milestone && celebrated
          ? `That's the ${milestone} time you've kept “${celebrated.title}”. Quietly proud of you.`
          : ''}
      </p>
      {state === null ? null : active.length === 0 ? (
        <section class="card" data-testid="no-commitments">
          <h2>Start with one small thing</h2>
          <p>Pick one to try today. You can change it any time.</p>
          <div class="button-row">
            {STARTERS.map((title) => (
              <button key={title} type="button" class="secondary" onClick={() => void createCommitment({ title })}>
                {title}
              </button>
            ))}
          </div>
        </section>
      ) : (
        <>
          {active.length > GENTLE_LIMIT && (
            <p class="banner" data-testid="gentle-note">
              You have {active.length} commitments on the go. Three or fewer tends to be easier to keep; you could
              archive one for now.
            </p>
          )}
          <h2>Due today</h2>
          {dueToday.length ? (
            <ul class="list">{dueToday.map(item)}</ul>
          ) : (
            <p class="muted">Nothing due today. Rest counts too.</p>
          )}
          {afterShift.length > 0 && (
            <>
              <h2>After your shift</h2>
              <ul class="list">{afterShift.map(item)}</ul>
            </>
          )}
        </>
      )}
      <p>
        <a href="/commitments" data-testid="manage-commitments">
          Add or change commitments
        </a>
      </p>
      <p>
        <a href="/reminders" data-testid="reminders-link">
          Reminders, shifts and quiet hours
        </a>
      </p>
    </Page>
  );
}
