/**
 * The phone composes the same card as the server: the shared vectors in
 * tests/sharing/vectors/compose.json hold both sides (the Python test runs the server's
 * compose.py and this module, bundled, on each case; here the phone's side runs alone).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ROOT } from '../../testing/sources';
import { CantCompose, type Card, type ComposeDraft, type Records, composeCard, roundLikePython } from './compose';

interface Case {
  name: string;
  zone: string;
  now: string;
  draft: ComposeDraft;
  records: Records;
  expected: (Omit<Card, 'start' | 'end'> & { start: string; end: string }) | { error: string };
}

const CASES = (JSON.parse(readFileSync(join(ROOT, 'tests/sharing/vectors/compose.json'), 'utf8')) as { cases: Case[] })
  .cases;

/** The card, with its period's ends as instants (the two sides write them differently), or the refused field. */
function composed(test: Case): unknown {
  try {
    const card = composeCard(test.draft, test.records, test.zone, Date.parse(test.now), 'sam');
    return { ...card, start: Date.parse(card.start), end: Date.parse(card.end) };
  } catch (error) {
    if (error instanceof CantCompose) return { error: error.field };
    throw error;
  }
}

function expected(test: Case): unknown {
  const card = test.expected;
  return 'error' in card ? card : { ...card, start: Date.parse(card.start), end: Date.parse(card.end) };
}

describe('composing a summary, as the server does (shared vectors)', () => {
  it('has the vectors to check', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(7);
  });

  it.each(CASES.map((test) => [test.name, test] as const))('%s', (_name, test) => {
    expect(composed(test)).toEqual(expected(test));
  });
});

describe('composing, beyond the vectors', () => {
  const base = CASES.find((test) => test.draft.period === 'week')!;

  it('leaves out what the person chose not to share', () => {
    const draft: ComposeDraft = { ...base.draft, parts: { scores: false, commitments: true, grounding: false } };
    const card = composeCard(draft, base.records, base.zone, Date.parse(base.now), 'sam');
    expect(card.scores).toBeNull();
    expect(card.grounding_minutes).toBeNull();
    expect(card.commitments).not.toBeNull();
  });

  it('gives the same card whatever day the test runs: only the moment passed in counts', () => {
    const at = Date.parse(base.now);
    expect(composeCard(base.draft, base.records, base.zone, at, 'sam')).toEqual(
      composeCard(base.draft, base.records, base.zone, at, 'sam'),
    );
    const weekLater = composeCard(base.draft, base.records, base.zone, at + 7 * 86_400_000, 'sam');
    expect(weekLater.scores?.count).toBe(0);
  });

  it('rounds averages as Python does, ties to even', () => {
    expect(roundLikePython(2.25)).toBe(2.2);
    expect(roundLikePython(2.75)).toBe(2.8);
    expect(roundLikePython(3.35)).toBe(3.4);
    expect(roundLikePython(10 / 3)).toBe(3.3);
    expect(roundLikePython(4)).toBe(4);
  });
});
