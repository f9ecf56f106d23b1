/** Check-in history: filter by days and context; edit or delete any of them. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import { addDays, shortDay, today } from '../../lib/dates';
import { listen } from '../../lib/events';
import type { CheckinContext, LocalCheckin } from '../../lib/store';
import { Page } from '../../ui/page';
import { checkinsBetween, deleteCheckin } from './data';
import { CONTEXTS, markLabel, scalesInWords } from './scales';

function Entry({ checkin }: { checkin: LocalCheckin }): JSX.Element {
  const [confirming, setConfirming] = useState(false);
  const context = CONTEXTS.find((option) => option.value === checkin.context)?.label;
  const marks = [...checkin.body_signals, ...checkin.tags].map(markLabel);
  return (
    <li data-testid="history-item">
      <strong>
        {shortDay(checkin.local_date)} · {new Date(checkin.recorded_at).toLocaleTimeString([], { timeStyle: 'short' })}
        {context ? ` · ${context}` : ''}
      </strong>
      <p>{scalesInWords(checkin)}.</p>
      {marks.length > 0 && <p class="hint">{marks.join(' · ')}</p>}
      {checkin.setting_down && <p>Setting down: {checkin.setting_down}</p>}
      {checkin.note && <p class="note">{checkin.note}</p>}
      <div class="button-row">
        <a class="button secondary" href={`/checkin?edit=${checkin.id}`}>
          Edit<span class="visually-hidden"> check-in of {shortDay(checkin.local_date)}</span>
        </a>
        {confirming ? (
          <>
            <button
              type="button"
              class="danger"
              onClick={() => void deleteCheckin(checkin.id)}
              data-testid="confirm-delete"
            >
              Delete for good
            </button>
            <button type="button" class="quiet" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" class="quiet" onClick={() => setConfirming(true)} data-testid="delete-checkin">
            Delete<span class="visually-hidden"> check-in of {shortDay(checkin.local_date)}</span>
          </button>
        )}
      </div>
    </li>
  );
}

export function History(): JSX.Element {
  const [start, setStart] = useState(addDays(today(), -29));
  const [end, setEnd] = useState(today());
  const [context, setContext] = useState<CheckinContext | ''>('');
  const [items, setItems] = useState<LocalCheckin[] | null>(null);

  useEffect(() => {
    const load = () =>
      void checkinsBetween(start, end < start ? start : end).then((found) =>
        setItems(found.filter((c) => !context || c.context === context).reverse()),
      );
    load();
    return listen('checkins', load);
  }, [start, end, context]);

  return (
    <Page title="Check-in history">
      <form class="filters" onSubmit={(event) => event.preventDefault()}>
        <div class="field">
          <label for="from">From</label>
          <input
            id="from"
            type="date"
            value={start}
            max={end}
            onInput={(e) => e.currentTarget.value && setStart(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="to">To</label>
          <input
            id="to"
            type="date"
            value={end}
            min={start}
            onInput={(e) => e.currentTarget.value && setEnd(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="context-filter">When</label>
          <select
            id="context-filter"
            value={context}
            onChange={(e) => setContext(e.currentTarget.value as CheckinContext | '')}
          >
            <option value="">Any time</option>
            {CONTEXTS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </form>
      {items === null ? null : items.length === 0 ? (
        <p class="muted" data-testid="history-empty">
          No check-ins here yet. <a href="/checkin">Check in now</a>.
        </p>
      ) : (
        <ul class="list" data-testid="history">
          {items.map((checkin) => (
            <Entry key={checkin.id} checkin={checkin} />
          ))}
        </ul>
      )}
    </Page>
  );
}
