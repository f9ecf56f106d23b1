/** What other features may use of shifts (boundaries.test.ts holds them to this file). */
export { shiftDays } from './days';
export { ShiftButton } from './ShiftButton';
export { endShift } from './shifts';
