import { describe, expect, it } from 'vitest';

import type { LocalCommitment } from '../../lib/store';
import { DECAY, RISE, dueDays, isDue, milestone, progress, strength } from './progress';

const commitment = (change: Partial<LocalCommitment> = {}): LocalCommitment => ({
  id: 'c-1',
  title: 'Drink water before the drive home',
  why: '',
  cadence: 'daily',
  weekdays: [],
  on_date: null,
  reminder_time: null,
  active: true,
  starts_on: '2026-03-01',
  ...change,
});
const none = new Set<string>();
const days = (...list: string[]) => new Set(list);

describe('when a commitment is due', () => {
  it('is never before it starts', () => {
    expect(isDue(commitment(), '2026-02-28', none)).toBe(false);
    expect(isDue(commitment(), '2026-03-01', none)).toBe(true);
  });

  it('follows its cadence: every day, chosen weekdays, one date, after shifts', () => {
    const monWedFri = commitment({ cadence: 'weekdays', weekdays: [1, 3, 5] });
    expect(['2026-03-02', '2026-03-03', '2026-03-04'].map((day) => isDue(monWedFri, day, none))).toEqual([
      true,
      false,
      true,
    ]);
    const once = commitment({ cadence: 'once', on_date: '2026-03-05' });
    expect(isDue(once, '2026-03-05', none)).toBe(true);
    expect(isDue(once, '2026-03-06', none)).toBe(false);
    const afterShift = commitment({ cadence: 'after_shift' });
    expect(isDue(afterShift, '2026-03-03', days('2026-03-03'))).toBe(true);
    expect(isDue(afterShift, '2026-03-04', days('2026-03-03'))).toBe(false);
  });
});

describe('due days in a window', () => {
  it("don't count today against the person until it is done", () => {
    expect(dueDays(commitment(), '2026-03-01', '2026-03-03', none, none)).toEqual(['2026-03-01', '2026-03-02']);
    expect(dueDays(commitment(), '2026-03-01', '2026-03-03', days('2026-03-03'), none)).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
    ]);
  });

  it('count an after-shift commitment kept on a day with no recorded shift', () => {
    const afterShift = commitment({ cadence: 'after_shift' });
    expect(dueDays(afterShift, '2026-03-01', '2026-03-07', days('2026-03-04'), days('2026-03-02'))).toEqual([
      '2026-03-02',
      '2026-03-04',
    ]);
  });
});

describe('strength', () => {
  it('rises on each kept day, towards one but never past it', () => {
    const kept = ['2026-03-01', '2026-03-02', '2026-03-03'];
    expect(strength(kept.slice(0, 1), days(...kept))).toBeCloseTo(RISE);
    expect(strength(kept, days(...kept))).toBeCloseTo(1 - (1 - RISE) ** 3);
    const month = Array.from({ length: 90 }, (_, i) => `d${i}`);
    expect(strength(month, new Set(month))).toBeLessThan(1);
  });

  it('fades on a missed day but never to zero: a bad week does not erase the habit', () => {
    const all = Array.from({ length: 20 }, (_, i) => `d${String(i).padStart(2, '0')}`);
    const keptFirstTen = new Set(all.slice(0, 10));
    const after = strength(all, keptFirstTen);
    expect(after).toBeCloseTo(strength(all.slice(0, 10), keptFirstTen) * DECAY ** 10);
    expect(after).toBeGreaterThan(0);
  });
});

describe('milestones', () => {
  it('are the largest of 1, 7, 30 and 100 reached', () => {
    expect([0, 1, 6, 7, 29, 30, 99, 100, 250].map(milestone)).toEqual([null, 1, 1, 7, 7, 30, 30, 100, 100]);
  });
});

describe('progress', () => {
  it('reads "kept N of the due days" for the last 7 and 30 days', () => {
    const daily = commitment({ starts_on: '2026-03-01' });
    const done = days('2026-03-05', '2026-03-10', '2026-03-12', '2026-03-15');
    const seen = progress(daily, '2026-03-15', done, none, 9);
    expect(seen).toMatchObject({ kept7: 3, due7: 7, kept30: 4, due30: 15, completions: 9, milestone: 7 });
    expect(seen.strength).toBeGreaterThan(0);
    expect(seen.strength).toBeLessThan(1);
  });

  it('counts nothing due before the commitment began', () => {
    const fresh = commitment({ starts_on: '2026-03-14' });
    expect(progress(fresh, '2026-03-15', none, none, 0)).toEqual({
      kept7: 0,
      due7: 1,
      kept30: 0,
      due30: 1,
      strength: 0,
      completions: 0,
      milestone: null,
    });
  });
});
