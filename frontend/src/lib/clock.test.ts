import { afterEach, describe, expect, it, vi } from 'vitest';

import { now, nowDate, nowIso } from './clock';

describe('clock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives one moment three ways', () => {
    vi.useFakeTimers({ now: Date.parse('2026-03-29T00:30:00Z') });
    expect(now()).toBe(Date.parse('2026-03-29T00:30:00Z'));
    expect(nowDate().toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(nowIso()).toBe('2026-03-29T00:30:00.000Z');
  });
});
