/**
 * Calendar days in the person's time zone ("YYYY-MM-DD" strings), so "today", "the last 7
 * days" and weekdays are right across DST changes and for night shifts.
 */
import { sessionNow } from './session';
import { nowDate } from './clock';

export { addDays, daysFrom, isoWeekday } from './days';

/** The account's time zone when signed in, else this phone's. */
export function personTimeZone(): string {
  return sessionNow().account?.time_zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}

/** The calendar day of ``moment`` in ``timeZone``. */
export function dayIn(moment: Date, timeZone: string = personTimeZone()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    moment,
  );
}

export function today(timeZone?: string, at: Date = nowDate()): string {
  return dayIn(at, timeZone);
}

/** The hour (0-23) of ``moment`` in the person's time zone. */
export function hourIn(moment: Date, timeZone: string = personTimeZone()): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hour12: false }).format(moment)) % 24;
}

/** "Mon 17 Nov" for a day string, in the reader's language. */
export function shortDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString([], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

/** "Today at 21:04" or "3 Nov, 21:04": when something was shared or answered. */
export function when(iso: string, at: Date = nowDate()): string {
  const moment = new Date(iso);
  const time = moment.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const sameDay = moment.toDateString() === at.toDateString();
  return sameDay ? `today at ${time}` : `${moment.toLocaleDateString([], { day: 'numeric', month: 'short' })}, ${time}`;
}
