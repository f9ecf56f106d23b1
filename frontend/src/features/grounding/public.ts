/** What other features may use of grounding (boundaries.test.ts holds them to this file). */
export { EXERCISES, exerciseById } from './catalogue';
export { SESSIONS_PATH } from './data';
export { Player } from './Player';
