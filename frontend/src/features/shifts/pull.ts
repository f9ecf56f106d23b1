/** Pulling shifts tapped on other phones. */
import { api } from '../../lib/api';
import { pendingKeys } from '../../lib/outbox';
import { db } from '../../lib/store';
import { SHIFTS_PATH } from './shifts';

/** Shifts started or ended on other phones (the latest few), unless a change here waits. */
export async function pullShifts(): Promise<void> {
  const { data } = await api.GET(SHIFTS_PATH);
  if (!data) throw new Error('could not pull shifts');
  const waiting = await pendingKeys('shifts');
  const tx = (await db()).transaction('shifts', 'readwrite');
  for (const shift of data) {
    if (shift.id && !waiting.has(shift.id)) {
      await tx.store.put({ id: shift.id, started_at: shift.started_at, ended_at: shift.ended_at ?? null });
    }
  }
  await tx.done;
}
