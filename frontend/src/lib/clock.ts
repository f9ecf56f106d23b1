/**
 * The one place the phone reads the wall clock. Everything else asks here (or takes the
 * moment as a parameter), so a pure function can be tested at a fixed moment and an audit
 * (clock.audit.test.ts) can hold the rest of the code to it.
 */

/** Now, in milliseconds since the epoch. */
export function now(): number {
  return Date.now();
}

/** Now, as a Date. */
export function nowDate(): Date {
  return new Date(now());
}

/** Now, as an ISO 8601 timestamp in UTC (what records and the API carry). */
export function nowIso(): string {
  return nowDate().toISOString();
}
