import { describe, expect, it } from 'vitest';

import { addDays, dayOf, daysFrom, isoWeekday, midnightOf } from './days';

describe('calendar days', () => {
  it('add across months, years, leap days and clock changes', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-20', -6)).toBe('2026-11-14');
  });

  it('know their ISO weekday (Monday 1, Sunday 7)', () => {
    expect(isoWeekday('2026-03-02')).toBe(1);
    expect(isoWeekday('2026-03-08')).toBe(7);
  });

  it('list a range with both ends included', () => {
    expect(daysFrom('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(daysFrom('2026-03-02', '2026-03-01')).toEqual([]);
  });
});

describe('days in a time zone', () => {
  const lateInLondon = new Date('2026-03-01T23:30:00Z');

  it('are the calendar day where the person is, not in UTC', () => {
    expect(dayOf(lateInLondon, 'Europe/London')).toBe('2026-03-01');
    expect(dayOf(lateInLondon, 'Asia/Tokyo')).toBe('2026-03-02');
    expect(dayOf(lateInLondon, 'America/New_York')).toBe('2026-03-01');
    expect(dayOf(new Date('2026-03-01T19:00:00Z'), 'Asia/Kolkata')).toBe('2026-03-02');
  });

  it('begin at local midnight, on either side of a clock change', () => {
    expect(midnightOf('2026-03-29', 'Europe/London').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(midnightOf('2026-03-30', 'Europe/London').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(midnightOf('2026-10-25', 'Europe/London').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(midnightOf('2026-10-26', 'Europe/London').toISOString()).toBe('2026-10-26T00:00:00.000Z');
    expect(midnightOf('2026-11-01', 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(midnightOf('2026-11-02', 'America/New_York').toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(midnightOf('2026-03-02', 'Asia/Kolkata').toISOString()).toBe('2026-03-01T18:30:00.000Z');
  });

  it('make a 23-hour and a 25-hour day where the clocks change', () => {
    const hours = (day: string, zone: string) =>
      (midnightOf(addDays(day, 1), zone).getTime() - midnightOf(day, zone).getTime()) / 3_600_000;
    expect(hours('2026-03-29', 'Europe/London')).toBe(23);
    expect(hours('2026-10-25', 'Europe/London')).toBe(25);
    expect(hours('2026-06-01', 'Europe/London')).toBe(24);
  });
});
