/**
 * Composing a summary on the phone, from the records this phone holds: the same figures as
 * the server's steady/sharing/compose.py (shared test vectors in tests/sharing/vectors/
 * hold the two to the same answers), so the preview a person reads is exactly what is
 * sealed, and nothing is computed where it could be read. Pure: the records, the time zone
 * and "now" are passed in.
 */
import { addDays, dayOf, midnightOf } from '../../lib/days';
import type { Cadence } from '../../lib/store';
import { dueDays } from '../commitments/public';

const CUSTOM_RANGE_DAYS = 31;
const SHIFT_LOOKBACK_MS = 24 * 3_600_000;
const LONGEST_SHIFT_MS = 16 * 3_600_000;
const TREND_MINIMUM = 4;
const SCALES = ['mood', 'energy', 'stress'] as const;
export const HELP_WORDS = {
  text: 'A text would help',
  call: 'A call after my shift would help',
  nothing: 'Nothing needed — just letting you know',
} as const;

export interface ComposeDraft {
  period: 'shift' | 'week' | 'custom';
  start?: string | null;
  end?: string | null;
  parts?: { scores: boolean; commitments: boolean; grounding: boolean };
  note?: string | null;
  help?: keyof typeof HELP_WORDS | null;
}

/** What the phone holds: only the fields composing reads. */
export interface Records {
  checkins: {
    recorded_at: string;
    local_date: string;
    context: string | null;
    mood: number;
    energy: number;
    stress: number;
  }[];
  commitments: {
    id: string;
    cadence: Cadence;
    weekdays: number[];
    on_date: string | null;
    active: boolean;
    starts_on: string;
  }[];
  completions: { commitment_id: string; local_date: string }[];
  grounding: { ended_at: string; duration_seconds: number }[];
  shifts: { started_at: string; ended_at: string | null }[];
}

export interface Card {
  sharer_name: string;
  period_label: string;
  start: string;
  end: string;
  scores: {
    count: number;
    mood: number;
    energy: number;
    stress: number;
    mood_trend: string | null;
    energy_trend: string | null;
    stress_trend: string | null;
  } | null;
  commitments: { kept: number; due: number } | null;
  grounding_minutes: number | null;
  note: string | null;
  help: string | null;
}

/** A draft that can't be composed, with the field and the words to show. */
export class CantCompose extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

interface Span {
  label: string;
  start: number;
  end: number;
  firstDay: string;
  lastDay: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const dayLabel = (day: string) => `${Number(day.slice(8))} ${MONTHS[Number(day.slice(5, 7)) - 1]}`;

function period(draft: ComposeDraft, records: Records, zone: string, now: number): Span {
  const today = dayOf(new Date(now), zone);
  const day = (instant: number) => dayOf(new Date(instant), zone);
  if (draft.period === 'shift') {
    const recent = records.shifts
      .filter((s) => Date.parse(s.started_at) > now - SHIFT_LOOKBACK_MS)
      .sort((a, b) => Date.parse(b.started_at) - Date.parse(a.started_at))[0];
    if (!recent || (recent.ended_at === null && Date.parse(recent.started_at) < now - LONGEST_SHIFT_MS)) {
      throw new CantCompose(
        'period',
        "There's no shift in the last day. Tap Start shift next time, or choose the last 7 days or some dates.",
      );
    }
    const start = Date.parse(recent.started_at);
    const end = recent.ended_at ? Date.parse(recent.ended_at) : now;
    return {
      label: recent.ended_at ? 'Last shift' : 'This shift',
      start,
      end,
      firstDay: day(start),
      lastDay: day(end),
    };
  }
  if (draft.period === 'week') {
    const first = addDays(today, -6);
    return {
      label: 'Last 7 days',
      start: midnightOf(first, zone).getTime(),
      end: now,
      firstDay: first,
      lastDay: today,
    };
  }
  if (!draft.start) throw new CantCompose('start', 'Choose the first day.');
  if (!draft.end) throw new CantCompose('end', 'Choose the last day.');
  if (draft.end < draft.start) throw new CantCompose('end', 'The last day needs to be on or after the first.');
  if (draft.end > today) throw new CantCompose('end', "The last day can't be in the future.");
  if (addDays(draft.start, CUSTOM_RANGE_DAYS) <= draft.end)
    throw new CantCompose('end', `Choose at most ${CUSTOM_RANGE_DAYS} days.`);
  const label = draft.start === draft.end ? dayLabel(draft.start) : `${dayLabel(draft.start)} – ${dayLabel(draft.end)}`;
  const end = Math.min(now, midnightOf(addDays(draft.end, 1), zone).getTime());
  return { label, start: midnightOf(draft.start, zone).getTime(), end, firstDay: draft.start, lastDay: draft.end };
}

/** Python's round(x, 1) for the averages: the float's own decimal value, ties to even. */
export function roundLikePython(x: number): number {
  if (Number.isInteger(x * 4) && !Number.isInteger(x * 2)) {
    const below = Math.floor(x * 10);
    return (below % 2 === 0 ? below : below + 1) / 10;
  }
  return Number(x.toFixed(1));
}

function trend(values: number[]): string | null {
  if (values.length < TREND_MINIMUM) return null;
  const half = Math.floor(values.length / 2);
  const sum = (list: number[]) => list.reduce((total, value) => total + value, 0);
  const change = sum(values.slice(half)) / (values.length - half) - sum(values.slice(0, half)) / half;
  return change >= 0.5 ? 'rising' : change <= -0.5 ? 'falling' : 'steady';
}

function scores(records: Records, span: Span): Card['scores'] {
  const rows = records.checkins
    .filter((c) => Date.parse(c.recorded_at) >= span.start && Date.parse(c.recorded_at) <= span.end)
    .sort((a, b) => Date.parse(a.recorded_at) - Date.parse(b.recorded_at));
  const series = Object.fromEntries(SCALES.map((scale) => [scale, rows.map((row) => row[scale])])) as Record<
    (typeof SCALES)[number],
    number[]
  >;
  const average = (values: number[]) =>
    values.length ? roundLikePython(values.reduce((a, b) => a + b, 0) / values.length) : 0;
  return {
    count: rows.length,
    mood: average(series.mood),
    energy: average(series.energy),
    stress: average(series.stress),
    mood_trend: trend(series.mood),
    energy_trend: trend(series.energy),
    stress_trend: trend(series.stress),
  };
}

function kept(records: Records, span: Span, zone: string): Card['commitments'] {
  const inRange = (day: string) => day >= span.firstDay && day <= span.lastDay;
  const shiftDays = new Set<string>();
  const from = midnightOf(span.firstDay, zone).getTime();
  const until = midnightOf(addDays(span.lastDay, 1), zone).getTime();
  for (const shift of records.shifts) {
    const ended = shift.ended_at ? Date.parse(shift.ended_at) : NaN;
    if (ended >= from && ended < until) shiftDays.add(dayOf(new Date(ended), zone));
  }
  for (const checkin of records.checkins)
    if (checkin.context === 'after_shift' && inRange(checkin.local_date)) shiftDays.add(checkin.local_date);
  let done = 0;
  let due = 0;
  for (const commitment of records.commitments.filter((c) => c.active)) {
    const finished = new Set(
      records.completions
        .filter((c) => c.commitment_id === commitment.id && inRange(c.local_date))
        .map((c) => c.local_date),
    );
    const days = dueDays(
      { ...commitment, title: '', why: '', reminder_time: null },
      span.firstDay,
      span.lastDay,
      finished,
      shiftDays,
    );
    due += days.length;
    done += days.filter((day) => finished.has(day)).length;
  }
  return { kept: done, due };
}

/** Exactly what the peer will read for this draft, from this phone's records, now. */
export function composeCard(
  draft: ComposeDraft,
  records: Records,
  zone: string,
  now: number,
  sharerName: string,
): Card {
  const note = (draft.note ?? '').trim();
  const parts = draft.parts ?? { scores: false, commitments: false, grounding: false };
  if (!(parts.scores || parts.commitments || parts.grounding || note || draft.help))
    throw new CantCompose('parts', 'Choose at least one thing to share.');
  const span = period(draft, records, zone, now);
  const minutes = records.grounding
    .filter((g) => Date.parse(g.ended_at) >= span.start && Date.parse(g.ended_at) <= span.end)
    .reduce((total, g) => total + g.duration_seconds, 0);
  return {
    sharer_name: sharerName,
    period_label: span.label,
    start: new Date(span.start).toISOString(),
    end: new Date(span.end).toISOString(),
    scores: parts.scores ? scores(records, span) : null,
    commitments: parts.commitments ? kept(records, span, zone) : null,
    grounding_minutes: parts.grounding ? Math.floor(minutes / 60) : null,
    note: note || null,
    help: draft.help ? HELP_WORDS[draft.help] : null,
  };
}

/** A digest of a card, so "Send" can tell whether it still says what the preview said
 * (the end of a period that runs up to now moves on by itself, so it is left out). */
export function cardDigest(card: Card): string {
  return JSON.stringify({ ...card, end: card.start });
}
