/** The exercise player: start, pause, resume, skip, stop; a pacer; a live region for steps. */
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';

import { setBusy } from '../../lib/busy';
import { newId } from '../../lib/ids';
import { type Exercise, type Segment, timeline, totalSeconds } from './catalogue';
import { recordSession, useMinutesToday, usePrefs } from './data';
import { Tones, prefersReducedMotion, useWakeLock, vibrate } from './senses';
import { usePlayer } from './usePlayer';
import { nowDate, nowIso } from '../../lib/clock';

/** Sessions stopped before this many seconds are not counted. */
const MIN_RECORDED_SECONDS = 30;

function clock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

function Pacer({
  segment,
  secondsLeft,
  size,
}: {
  segment: Segment;
  secondsLeft: number;
  size: 'big' | 'small';
}): JSX.Element {
  const count = `${segment.text} · ${secondsLeft}`;
  // The circle appears small and grows into the first breath in, rather than appearing
  // already full (which left the first inhale without any movement to follow).
  const [shown, setShown] = useState<'big' | 'small'>('small');
  useEffect(() => {
    const frame = requestAnimationFrame(() => requestAnimationFrame(() => setShown(size)));
    return () => cancelAnimationFrame(frame);
  }, [size]);
  if (prefersReducedMotion()) {
    return (
      <p class="text-pacer" data-testid="text-pacer" aria-hidden="true">
        {count}
      </p>
    );
  }
  return (
    <div
      class="pacer"
      data-testid="visual-pacer"
      data-size={shown}
      aria-hidden="true"
      style={{ '--phase-seconds': `${segment.seconds}s` }}
    >
      <div class="pacer-circle" />
      <span class="pacer-label">{segment.text}</span>
    </div>
  );
}

export function Player({
  exercise,
  autostart = false,
  onFinish,
}: {
  exercise: Exercise;
  autostart?: boolean;
  /** Called when the exercise ends, instead of showing the "well done" screen (for flows). */
  onFinish?: () => void;
}): JSX.Element {
  const [prefs, updatePrefs] = usePrefs();
  const [minutes, setMinutes] = useState(exercise.lengths[0]!);
  const [finished, setFinished] = useState<number | null>(null);
  const segments = useMemo(() => timeline(exercise, minutes), [exercise, minutes]);
  const tones = useRef(new Tones());
  const startedAt = useRef(nowDate());
  const today = useMinutesToday();
  const settings = useRef(prefs);
  settings.current = prefs;

  const save = (seconds: number, completed: boolean) =>
    recordSession({
      id: newId(),
      exercise_id: exercise.id,
      duration_seconds: Math.min(3600, Math.max(1, seconds)),
      completed,
      started_at: startedAt.current.toISOString(),
      ended_at: nowIso(),
    });

  const player = usePlayer(
    segments,
    (segment) => {
      if (settings.current?.haptics) vibrate(segment.haptic);
      if (settings.current?.tones) tones.current.play(segment.phase);
    },
    (playedMs) => {
      const seconds = Math.round(playedMs / 1000);
      setFinished(seconds);
      if (seconds >= 1) void save(seconds, true);
      onFinish?.();
    },
  );

  useEffect(() => {
    if (prefs?.minutes[exercise.id] && exercise.lengths.includes(prefs.minutes[exercise.id]!)) {
      setMinutes(prefs.minutes[exercise.id]!);
    }
  }, [prefs === null, exercise.id]);

  const active = player.status === 'playing' || player.status === 'paused';
  useWakeLock(player.status === 'playing');
  useEffect(() => {
    setBusy('grounding', active);
    return () => setBusy('grounding', false);
  }, [active]);
  useEffect(() => () => tones.current.close(), []);

  // Audio may only start from a tap; an autostarted exercise stays silent until one.
  const begin = (tapped = true) => {
    if (tapped) tones.current.unlock();
    startedAt.current = nowDate();
    setFinished(null);
    player.start();
  };

  useEffect(() => {
    if (autostart) begin(false);
  }, []);

  const stop = () => {
    const seconds = player.stop();
    if (seconds >= MIN_RECORDED_SECONDS) void save(seconds, false);
  };

  const segment = segments[player.index]!;
  const elapsed = segments.slice(0, player.index).reduce((sum, s) => sum + s.seconds, 0) + player.inSegment / 1000;
  const total = totalSeconds(segments);
  const secondsLeft = Math.max(1, Math.ceil(segment.seconds - player.inSegment / 1000));
  const lastBreath = segments
    .slice(0, player.index + 1)
    .reverse()
    .find((s) => s.phase === 'in' || s.phase === 'out');
  const size = segment.phase === 'out' || (segment.phase === 'hold' && lastBreath?.phase === 'out') ? 'small' : 'big';
  const favourite = prefs?.favourite === exercise.id;

  if (finished !== null && player.status === 'done' && !onFinish) {
    return (
      <section class="player done" data-testid="exercise-done">
        <p class="player-big" role="status" data-testid="exercise-spent">
          {finished < 60
            ? 'Well done. Even a few slow breaths count.'
            : `Well done. That was ${Math.round(finished / 60)} ${Math.round(finished / 60) === 1 ? 'minute' : 'minutes'} just for you.`}
        </p>
        <p class="muted" data-testid="minutes-today">
          Grounding today: {today} {today === 1 ? 'minute' : 'minutes'}.
        </p>
        <div class="button-row">
          <button type="button" onClick={() => begin()}>
            Go again
          </button>
          <a class="button secondary" href="/checkin">
            Check in
          </a>
          <a class="button quiet" href="/ground">
            Other exercises
          </a>
        </div>
      </section>
    );
  }

  return (
    <section class="player" data-testid="player" data-status={player.status}>
      {player.status === 'ready' && (
        <fieldset>
          <legend>How long?</legend>
          <div class="chips">
            {exercise.lengths.map((length) => (
              <label key={length}>
                <input
                  type="radio"
                  name="length"
                  checked={minutes === length}
                  onChange={() => {
                    setMinutes(length);
                    updatePrefs({ minutes: { ...(prefs?.minutes ?? {}), [exercise.id]: length } });
                  }}
                  data-testid={`length-${length}`}
                />
                {length} min
              </label>
            ))}
          </div>
        </fieldset>
      )}

      <div class="stage">
        {segment.phase !== null && player.status !== 'ready' ? (
          <Pacer segment={segment} secondsLeft={secondsLeft} size={size} />
        ) : null}
        <p class="player-big" aria-live="polite" data-testid="step-text">
          {player.status === 'ready' ? exercise.summary : segment.text}
        </p>
      </div>

      {player.status !== 'ready' && (
        <p class="muted">
          <progress max={total} value={elapsed} aria-label="Time through the exercise" /> {clock(elapsed)} of{' '}
          {clock(total)}
          {player.status === 'paused' ? ' · paused' : ''}
        </p>
      )}

      <div class="button-row">
        {player.status === 'ready' && (
          <button type="button" onClick={() => begin()} data-testid="start">
            Start
          </button>
        )}
        {player.status === 'playing' && (
          <button type="button" onClick={player.pause} data-testid="pause">
            Pause
          </button>
        )}
        {player.status === 'paused' && (
          <button type="button" onClick={player.resume} data-testid="resume">
            Resume
          </button>
        )}
        {active && (
          <>
            <button type="button" class="secondary" onClick={player.skip} data-testid="skip">
              Skip step
            </button>
            <button type="button" class="quiet" onClick={stop} data-testid="stop">
              Stop
            </button>
          </>
        )}
      </div>

      <div class="player-options">
        <label class="check">
          <input
            type="checkbox"
            checked={prefs?.haptics ?? true}
            onChange={(e) => updatePrefs({ haptics: e.currentTarget.checked })}
          />
          Vibration
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={prefs?.tones ?? false}
            onChange={(e) => {
              tones.current.unlock();
              updatePrefs({ tones: e.currentTarget.checked });
            }}
          />
          Soft tones
        </label>
        <button
          type="button"
          class="quiet"
          aria-pressed={favourite}
          onClick={() => updatePrefs({ favourite: favourite ? null : exercise.id })}
          data-testid="favourite"
        >
          {favourite ? 'Your “Ground now” exercise' : 'Use for “Ground now”'}
        </button>
      </div>
    </section>
  );
}
