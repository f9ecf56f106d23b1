/** What to be reminded of, the shift pattern, and when never to be disturbed. The last
 * settings seen are kept on the phone, so the page shows them offline (changing them needs
 * a connection, and the page says so). */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

import { type Schemas, api, describeError, fieldMessages, withPatience } from '../../lib/api';
import { today } from '../../lib/dates';
import { focusFirstProblem } from '../../lib/forms';
import { getMeta, setMeta } from '../../lib/store';

type Prefs = Schemas['PrefsWrite'];
type Pattern = Schemas['ShiftPatternBody'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const LANDING = [
  { value: '', label: 'Off' },
  { value: '0', label: 'As the shift ends' },
  { value: '15', label: '15 minutes after' },
  { value: '30', label: '30 minutes after' },
  { value: '60', label: 'An hour after' },
];

type View = Schemas['PrefsView'];

/** The editable part of what the server said (the lock-screen preview is the server's). */
function fromView({ lock_screen: _lockScreen, ...prefs }: View): Prefs {
  return prefs;
}

function Err({ id, text }: { id: string; text: string | undefined }): JSX.Element | null {
  return text ? (
    <span class="field-error" id={id}>
      {text}
    </span>
  ) : null;
}

const KEPT = 'reminder-prefs';
export function Preferences(): JSX.Element {
  const [prefs, setPrefs] = useState<Prefs | null>(null);
  const [saved, setSaved] = useState<View | null>(null);
  const [state, setState] = useState<'loading' | 'online' | 'offline'>('loading');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const kept = await getMeta<View>(KEPT).catch(() => undefined);
      if (kept && live) {
        setPrefs(fromView(kept));
        setSaved(kept);
      }
      try {
        const { data } = await withPatience(api.GET('/api/reminders/prefs'));
        if (!data) throw new Error('no settings');
        await setMeta(KEPT, data);
        if (live) {
          setPrefs(fromView(data));
          setSaved(data);
          setState('online');
        }
      } catch {
        if (live) setState('offline');
      }
    })();
    return () => {
      live = false;
    };
  }, []);
  if (!prefs) {
    return state === 'loading' ? (
      <p role="status">Loading your reminder settings…</p>
    ) : (
      <p data-testid="prefs-offline">
        Your reminder settings will show here once this phone has been online with Steady.
      </p>
    );
  }

  const set = (change: Partial<Prefs>) => setPrefs({ ...prefs, ...change });
  const pattern = prefs.schedule ?? null;
  const setPattern = (change: Partial<Pattern>) =>
    set({
      schedule: {
        kind: 'weekly',
        start: '07:00',
        hours: 12,
        weekdays: [],
        on_days: 0,
        off_days: 0,
        ...pattern,
        ...change,
      },
    });

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    setErrors({});
    const answer = await withPatience(api.PUT('/api/reminders/prefs', { body: prefs! })).catch(() => null);
    if (!answer) {
      setState('offline');
      setMessage(
        'Saving reminder settings needs a connection. Your changes are still here; save again when you have signal.',
      );
      return;
    }
    const { data, error } = answer;
    if (data) {
      await setMeta(KEPT, data);
      setPrefs(fromView(data));
      setSaved(data);
      setState('online');
      setMessage('Saved. Reminders will follow these settings.');
    } else {
      setErrors(fieldMessages(error));
      setMessage(describeError(error));
      focusFirstProblem(form.current);
    }
  }
  const invalid = (field: string) => (errors[field] ? true : undefined);

  return (
    <form ref={form} onSubmit={(e) => void save(e)} aria-labelledby="prefs-heading" noValidate>
      <h2 id="prefs-heading">What to remind me of</h2>
      {state === 'offline' && (
        <p class="banner" data-testid="prefs-need-connection">
          You're offline. These are your settings from the last time this phone was online; changing them needs a
          connection.
        </p>
      )}
      <div class="field">
        <label for="checkin-time">A daily check-in prompt at (optional)</label>
        <input
          id="checkin-time"
          type="time"
          value={prefs.checkin_time ?? ''}
          onInput={(e) => set({ checkin_time: e.currentTarget.value || null })}
          aria-describedby="checkin-time-error"
          aria-invalid={invalid('checkin_time')}
        />
        <Err id="checkin-time-error" text={errors.checkin_time} />
      </div>
      <div class="field">
        <label for="landing">After a shift: "two minutes to land?"</label>
        <select
          id="landing"
          value={prefs.decompress_minutes == null ? '' : String(prefs.decompress_minutes)}
          onChange={(e) =>
            set({ decompress_minutes: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) })
          }
          data-testid="landing"
        >
          {LANDING.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="after-shift">"After each shift" commitments, minutes after the shift ends</label>
        <input
          id="after-shift"
          type="number"
          inputMode="numeric"
          min={0}
          max={240}
          value={prefs.after_shift_minutes}
          onInput={(e) => set({ after_shift_minutes: Number(e.currentTarget.value) })}
          aria-describedby="after-shift-error"
          aria-invalid={invalid('after_shift_minutes')}
        />
        <Err id="after-shift-error" text={errors.after_shift_minutes} />
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={prefs.followups}
          onChange={(e) => set({ followups: e.currentTarget.checked })}
        />
        After a check-in that mentions a hard event, check on me a day and three days later
      </label>

      <h2>My shifts</h2>
      <p class="hint">Reminders wait until a shift is over. Tap "Start shift" above, or set a pattern here.</p>
      <div class="field">
        <label for="pattern">Pattern</label>
        <select
          id="pattern"
          value={pattern?.kind ?? ''}
          onChange={(e) =>
            e.currentTarget.value
              ? setPattern({ kind: e.currentTarget.value as Pattern['kind'], anchor: pattern?.anchor ?? today() })
              : set({ schedule: null })
          }
          data-testid="pattern"
        >
          <option value="">No regular pattern</option>
          <option value="weekly">The same weekdays each week</option>
          <option value="rotation">A rotation (e.g. 3 nights on, 4 off)</option>
        </select>
      </div>
      {pattern && (
        <div class="card">
          {pattern.kind === 'weekly' ? (
            <fieldset aria-describedby="pattern-days-error">
              <legend>Which days</legend>
              <div class="chips">
                {WEEKDAYS.map((name, index) => (
                  <label key={name}>
                    <input
                      type="checkbox"
                      id={index === 0 ? 'pattern-days-first' : undefined}
                      aria-invalid={index === 0 ? invalid('schedule.weekdays') : undefined}
                      checked={(pattern.weekdays ?? []).includes(index + 1)}
                      onChange={(e) =>
                        setPattern({
                          weekdays: e.currentTarget.checked
                            ? [...(pattern.weekdays ?? []), index + 1].sort()
                            : (pattern.weekdays ?? []).filter((d) => d !== index + 1),
                        })
                      }
                    />
                    {name}
                  </label>
                ))}
              </div>
              <Err id="pattern-days-error" text={errors['schedule.weekdays']} />
            </fieldset>
          ) : (
            <>
              <div class="field">
                <label for="anchor">First shift of a run</label>
                <input
                  id="anchor"
                  type="date"
                  value={pattern.anchor ?? ''}
                  onInput={(e) => setPattern({ anchor: e.currentTarget.value || null })}
                  aria-describedby="anchor-error"
                  aria-invalid={invalid('schedule.anchor')}
                />
                <Err id="anchor-error" text={errors['schedule.anchor']} />
              </div>
              <div class="field">
                <label for="on-days">Shifts in a row</label>
                <input
                  id="on-days"
                  type="number"
                  min={1}
                  max={14}
                  value={pattern.on_days ?? 0}
                  onInput={(e) => setPattern({ on_days: Number(e.currentTarget.value) })}
                  aria-describedby="on-days-error"
                  aria-invalid={invalid('schedule.on_days')}
                />
                <Err id="on-days-error" text={errors['schedule.on_days']} />
              </div>
              <div class="field">
                <label for="off-days">Then days off</label>
                <input
                  id="off-days"
                  type="number"
                  min={0}
                  max={28}
                  value={pattern.off_days ?? 0}
                  onInput={(e) => setPattern({ off_days: Number(e.currentTarget.value) })}
                />
              </div>
            </>
          )}
          <div class="field">
            <label for="shift-start">Shift starts at</label>
            <input
              id="shift-start"
              type="time"
              value={pattern.start}
              onInput={(e) => setPattern({ start: e.currentTarget.value || '07:00' })}
            />
          </div>
          <div class="field">
            <label for="shift-hours">Hours long</label>
            <input
              id="shift-hours"
              type="number"
              min={1}
              max={24}
              step={0.5}
              value={pattern.hours}
              onInput={(e) => setPattern({ hours: Number(e.currentTarget.value) })}
              aria-describedby="shift-hours-error"
              aria-invalid={invalid('schedule.hours')}
            />
            <Err id="shift-hours-error" text={errors['schedule.hours']} />
          </div>
        </div>
      )}

      <h2>Peace and quiet</h2>
      <div class="field">
        <label for="quiet-start">Quiet from</label>
        <input
          id="quiet-start"
          type="time"
          value={prefs.quiet_start ?? '22:00'}
          onInput={(e) => set({ quiet_start: e.currentTarget.value || '22:00' })}
        />
      </div>
      <div class="field">
        <label for="quiet-end">Quiet until</label>
        <input
          id="quiet-end"
          type="time"
          value={prefs.quiet_end ?? '07:00'}
          onInput={(e) => set({ quiet_end: e.currentTarget.value || '07:00' })}
        />
      </div>
      <div class="field">
        <label for="daily-cap">At most this many reminders a day</label>
        <input
          id="daily-cap"
          type="number"
          min={1}
          max={20}
          value={prefs.daily_cap ?? 6}
          onInput={(e) => set({ daily_cap: Number(e.currentTarget.value) })}
          aria-describedby="daily-cap-error"
          aria-invalid={invalid('daily_cap')}
        />
        <Err id="daily-cap-error" text={errors.daily_cap} />
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={prefs.show_details ?? false}
          onChange={(e) => set({ show_details: e.currentTarget.checked })}
        />
        Show what a reminder is about on the lock screen (off: "A small thing you planned")
      </label>
      {saved?.lock_screen && (
        <div class="lock-preview" data-testid="lock-screen-preview">
          <p class="muted">With your saved settings, a reminder looks like this on the lock screen:</p>
          <p>
            <strong>{saved.lock_screen.title}</strong>
            <br />
            {saved.lock_screen.body}
          </p>
        </div>
      )}
      <div class="button-row">
        <button type="submit" data-testid="prefs-save" disabled={state !== 'online'}>
          Save reminder settings
        </button>
      </div>
      <p role="status">{message}</p>
    </form>
  );
}
