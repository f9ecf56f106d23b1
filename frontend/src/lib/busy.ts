/**
 * Moments the app must not be reloaded under (a grounding exercise playing). The update
 * prompt waits for them to end instead of interrupting.
 */
import { announce } from './events';

const reasons = new Set<string>();

export function setBusy(reason: string, busy: boolean): void {
  if (busy) reasons.add(reason);
  else reasons.delete(reason);
  announce('busy');
}

export function isBusy(): boolean {
  return reasons.size > 0;
}
