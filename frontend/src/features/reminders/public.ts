/** What other features may use of reminders (boundaries.test.ts holds them to this file). */
export { ShiftButton } from './ShiftButton';
export { endShift } from './shifts';
