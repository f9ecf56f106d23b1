/**
 * Whether the device says it has no network at all. Then nothing is sent: a request that
 * cannot leave only fills the console with errors and wastes a tired person's battery.
 * (A device that says it is online may still be unreachable; callers handle that too.)
 */
export function knownOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/** Thrown in place of sending a request while the device is known to be offline. */
export class Offline extends Error {
  constructor() {
    super('offline');
  }
}
