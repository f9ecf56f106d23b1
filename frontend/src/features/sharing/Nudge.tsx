/** The optional weekly nudge to reach out: a reminder, never a share. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import { api, describeError } from '../../lib/api';
import { reach } from '../../lib/reach';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function Nudge(): JSX.Element {
  const [weekday, setWeekday] = useState('');
  const [clock, setClock] = useState('18:00');
  const [message, setMessage] = useState('');
  useEffect(() => {
    void reach(api.GET('/api/sharing/nudge')).then(({ data }) => {
      if (data?.weekday) setWeekday(String(data.weekday));
      if (data?.clock) setClock(data.clock);
    });
  }, []);

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    const body = weekday ? { weekday: Number(weekday), clock } : {};
    const { data, error } = await reach(api.PUT('/api/sharing/nudge', { body }));
    setMessage(
      data
        ? data.weekday
          ? `A nudge will come on ${DAYS[data.weekday - 1]}s at ${data.clock}.`
          : 'No weekly nudge.'
        : describeError(error),
    );
  }

  return (
    <form class="card" onSubmit={(e) => void save(e)} aria-labelledby="nudge-heading">
      <h2 id="nudge-heading">A weekly nudge</h2>
      <p class="hint">A gentle reminder to reach out. It never shares anything by itself.</p>
      <div class="field">
        <label for="nudge-day">Day</label>
        <select id="nudge-day" value={weekday} onChange={(e) => setWeekday(e.currentTarget.value)}>
          <option value="">No nudge</option>
          {DAYS.map((day, index) => (
            <option key={day} value={String(index + 1)}>
              {day}
            </option>
          ))}
        </select>
      </div>
      {weekday && (
        <div class="field">
          <label for="nudge-time">Time</label>
          <input id="nudge-time" type="time" value={clock} onInput={(e) => setClock(e.currentTarget.value)} required />
        </div>
      )}
      <button type="submit">Save nudge</button>
      <p role="status">{message}</p>
    </form>
  );
}
