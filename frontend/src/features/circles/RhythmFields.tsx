/** When a circle's rounds open, and for how long: the fields shared by starting a circle
 * and changing one. */
import type { JSX } from 'preact';

import type { Schemas } from '../../lib/api';

export type Rhythm = Pick<Schemas['CircleSettings'], 'rhythm' | 'opens_weekday' | 'opens_clock' | 'window_hours'>;

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const WINDOWS = [24, 48, 72, 96];

export function RhythmFields({
  value,
  onChange,
  errors,
}: {
  value: Rhythm;
  onChange: (next: Rhythm) => void;
  errors: Record<string, string>;
}): JSX.Element {
  const set = (change: Partial<Rhythm>) => onChange({ ...value, ...change });
  return (
    <fieldset class="rhythm">
      <legend>Rounds</legend>
      <div class="field">
        <label for="circle-rhythm">How often</label>
        <select
          id="circle-rhythm"
          value={value.rhythm}
          onChange={(e) => set({ rhythm: e.currentTarget.value as Rhythm['rhythm'] })}
          data-testid="circle-rhythm"
        >
          <option value="weekly">Every week</option>
          <option value="fortnightly">Every two weeks</option>
          <option value="by_hand">When one of us starts one</option>
        </select>
      </div>
      {value.rhythm !== 'by_hand' && (
        <>
          <div class="field">
            <label for="circle-weekday">Opens on</label>
            <select
              id="circle-weekday"
              value={String(value.opens_weekday)}
              onChange={(e) => set({ opens_weekday: Number(e.currentTarget.value) })}
            >
              {WEEKDAYS.map((day, index) => (
                <option key={day} value={String(index + 1)}>
                  {day}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="circle-clock">At</label>
            <input
              id="circle-clock"
              type="time"
              value={value.opens_clock}
              onInput={(e) => set({ opens_clock: e.currentTarget.value || '08:00' })}
              aria-invalid={errors.opens_clock ? true : undefined}
            />
          </div>
        </>
      )}
      <div class="field">
        <label for="circle-window">Open for</label>
        <select
          id="circle-window"
          value={String(value.window_hours)}
          onChange={(e) => set({ window_hours: Number(e.currentTarget.value) })}
        >
          {WINDOWS.map((hours) => (
            <option key={hours} value={String(hours)}>
              {hours} hours{hours === 48 ? ' (so nights, days and rotations can all take part)' : ''}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
