/** What other features may use of commitments (boundaries.test.ts holds them to this file). */
export { dueDays } from './progress';
export { COMMITMENTS_PATH, COMPLETIONS_PATH, createCommitment } from './writes';
