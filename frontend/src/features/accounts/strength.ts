/**
 * Whether a new passphrase is hard enough to guess, judged on the phone before the form is
 * sent, by the same estimator the server uses (zxcvbn; here its TypeScript port) and the
 * same rules: a score of 3 at least, and never the username inside it. It loads only on
 * the pages that ask for a new passphrase.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

const ENOUGH = 3;
const ESTIMATE_CHARACTERS = 64;
const TRY_INSTEAD = "Try three or four words that don't belong together.";

let estimator: Promise<ZxcvbnFactory> | null = null;

function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= import('./estimator').then((module) => module.estimator);
  return estimator;
}

/** Start loading the estimator now (a page that will ask for a new passphrase). */
export function prepareStrengthCheck(): void {
  void loadEstimator().catch(() => {
    estimator = null; // offline: try again on the next check
  });
}

/** Why ``passphrase`` is too easy to guess, as a sentence, or null when it is fine. */
export async function passphraseProblem(passphrase: string, username: string): Promise<string | null> {
  const name = username.trim().toLowerCase();
  if (name && passphrase.toLowerCase().includes(name)) {
    return `Your passphrase must not contain your username. ${TRY_INSTEAD}`;
  }
  if (passphrase.length < 10) return `Your passphrase needs at least 10 characters. ${TRY_INSTEAD}`;
  let zxcvbn: ZxcvbnFactory;
  try {
    zxcvbn = await loadEstimator();
  } catch {
    estimator = null;
    return null; // the server checks it anyway
  }
  const estimate = zxcvbn.check(passphrase.slice(0, ESTIMATE_CHARACTERS), [name, 'steady']);
  if (estimate.score >= ENOUGH) return null;
  const warning = estimate.feedback.warning ? ` ${estimate.feedback.warning.replace(/\.$/, '')}.` : '';
  return `That passphrase is too easy to guess.${warning} ${TRY_INSTEAD}`;
}
