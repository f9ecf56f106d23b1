import { describe, expect, it } from 'vitest';

import { dayIn, hourIn, today, when } from './dates';

describe("the person's days and hours", () => {
  const nightShift = new Date('2026-03-01T23:30:00Z');

  it('is today where the person is, at the moment given', () => {
    expect(today('Europe/London', nightShift)).toBe('2026-03-01');
    expect(today('Australia/Sydney', nightShift)).toBe('2026-03-02');
    expect(dayIn(nightShift, 'America/Los_Angeles')).toBe('2026-03-01');
  });

  it('reads the hour on their clock, midnight as 0', () => {
    expect(hourIn(nightShift, 'Europe/London')).toBe(23);
    expect(hourIn(new Date('2026-03-01T00:15:00Z'), 'Europe/London')).toBe(0);
    expect(hourIn(nightShift, 'Asia/Kolkata')).toBe(5);
  });
});

describe('when something was shared', () => {
  const at = new Date('2026-03-10T12:10:00Z');

  it('says "today at" for the same day, with the time', () => {
    expect(when('2026-03-10T12:00:00Z', at)).toMatch(/^today at \S/);
  });

  it('gives the date, then the time, for an earlier day', () => {
    const earlier = when('2026-03-07T12:00:00Z', at);
    expect(earlier).not.toMatch(/^today/);
    expect(earlier).toMatch(/^\S.*, \S/);
  });
});
