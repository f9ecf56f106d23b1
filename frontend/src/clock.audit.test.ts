/**
 * No hidden "now" on the phone: only lib/clock.ts reads the wall clock. Everything else asks
 * it (or takes the moment as a parameter), so what depends on the time can be tested at a
 * fixed moment, and no test depends on the day it runs.
 */
import { describe, expect, it } from 'vitest';

import { readSource, sourceFiles } from './testing/sources';

/** The only file allowed to read the wall clock (and this audit, which spells the reads out). */
const CLOCK_FILES = new Set(['frontend/src/lib/clock.ts', 'frontend/src/clock.audit.test.ts']);

const WALL_CLOCK: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew\s+Date\s*\(\s*\)/, 'new Date()'],
  [/\bnew\s+Date\s*(?:;|$)/, 'new Date'],
  [/(?<![\w.]|new\s+)Date\s*\(\s*\)/, 'Date()'],
  [/\bperformance\.now\s*\(/, 'performance.now()'],
];

/** "file:line: Date.now()" for each wall-clock read in ``text`` (comments aside). */
function wallClockReads(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, index) => {
    const code = line.trim();
    if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return [];
    return WALL_CLOCK.filter(([pattern]) => pattern.test(code)).map(([, name]) => `${file}:${index + 1}: ${name}`);
  });
}

describe('the wall clock', () => {
  it('is read only by lib/clock.ts', () => {
    const reads = sourceFiles()
      .filter((file) => !CLOCK_FILES.has(file))
      .flatMap((file) => wallClockReads(file, readSource(file)));
    expect(reads, `Read the time through lib/clock.ts (now, nowDate, nowIso) instead:\n${reads.join('\n')}`).toEqual(
      [],
    );
  });

  it('audit finds every way of reading it, and not a fixed moment', () => {
    const text = [
      'const a = Date.now();',
      'const b = new Date();',
      'const c = performance.now();',
      'const d = Date();',
      "const fixed = new Date('2026-03-01T12:00:00Z');",
      'const parsed = Date.parse(iso);',
      '// Date.now() in a comment is fine',
      'const e = new Date(now());',
    ].join('\n');
    expect(wallClockReads('x.ts', text)).toEqual([
      'x.ts:1: Date.now()',
      'x.ts:2: new Date()',
      'x.ts:3: performance.now()',
      'x.ts:4: Date()',
    ]);
  });
});
