/**
 * The passphrase estimator (zxcvbn's TypeScript port), loaded on demand by strength.ts.
 * The common-password and diceware lists, keyboard patterns, repeats, sequences and dates
 * are enough to steer someone away from an easy passphrase at a fraction of the full
 * dictionaries' weight; the server's estimator, with names and words too, has the final say.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { translations } from '@zxcvbn-ts/language-en';

export const estimator = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, translations });
