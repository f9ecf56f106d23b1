/**
 * Progress that never shames — the same arithmetic as the server's
 * steady/commitments/progress.py (see its docstring for the formula):
 * kept N of the due days in the last 7 and 30, a strength that rises by RISE * (1 - s) on a
 * kept day and fades by DECAY on a missed one (never to zero), and milestones.
 */
import { addDays, daysFrom, isoWeekday } from '../../lib/days';
import type { LocalCommitment } from '../../lib/store';

export const RISE = 0.2;
export const DECAY = 0.93;
export const HISTORY_DAYS = 90;
export const MILESTONES = [1, 7, 30, 100];

export interface Progress {
  kept7: number;
  due7: number;
  kept30: number;
  due30: number;
  strength: number;
  completions: number;
  milestone: number | null;
}

export function isDue(commitment: LocalCommitment, day: string, shiftDays: Set<string>): boolean {
  if (day < commitment.starts_on) return false;
  switch (commitment.cadence) {
    case 'daily':
      return true;
    case 'weekdays':
      return commitment.weekdays.includes(isoWeekday(day));
    case 'once':
      return day === commitment.on_date;
    default:
      return shiftDays.has(day);
  }
}

/** Due days in [first, last]; the last counts only once done (it may still happen). */
export function dueDays(
  commitment: LocalCommitment,
  first: string,
  last: string,
  done: Set<string>,
  shiftDays: Set<string>,
): string[] {
  return daysFrom(first, last).filter((day) => {
    const due =
      isDue(commitment, day, shiftDays) ||
      (commitment.cadence === 'after_shift' && done.has(day) && day >= commitment.starts_on);
    return due && (day < last || done.has(day));
  });
}

export function strength(days: string[], done: Set<string>): number {
  let score = 0;
  for (const day of days) score = done.has(day) ? score + RISE * (1 - score) : score * DECAY;
  return score;
}

export function milestone(completions: number): number | null {
  const reached = MILESTONES.filter((mark) => completions >= mark);
  return reached.length ? reached[reached.length - 1]! : null;
}

export function progress(
  commitment: LocalCommitment,
  today: string,
  done: Set<string>,
  shiftDays: Set<string>,
  completions: number,
): Progress {
  const window = (days: number) => dueDays(commitment, addDays(today, -(days - 1)), today, done, shiftDays);
  const week = window(7);
  const month = window(30);
  return {
    kept7: week.filter((day) => done.has(day)).length,
    due7: week.length,
    kept30: month.filter((day) => done.has(day)).length,
    due30: month.length,
    strength: Math.round(strength(window(HISTORY_DAYS), done) * 10000) / 10000,
    completions,
    milestone: milestone(completions),
  };
}
