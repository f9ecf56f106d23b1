/**
 * Shifts on this phone: Start and End work offline from any screen, saved here at once and
 * sent through the outbox with the phone's own times (the server stores each under the id
 * made here, so a replayed change is stored once). Another phone's shifts arrive by pull.
 */
import { useEffect, useState } from 'preact/hooks';

import { listen } from '../../lib/events';
import { newId } from '../../lib/ids';
import { commitChange } from '../../lib/outbox';
import { type LocalShift, db } from '../../lib/store';
import { now, nowIso } from '../../lib/clock';

export const SHIFTS_PATH = '/api/shifts';
/** A shift left running longer than this was forgotten, not worked (as on the server). */
const LONGEST_SHIFT_MS = 16 * 3600 * 1000;

async function save(shift: LocalShift): Promise<void> {
  const { id, ...body } = shift;
  await commitChange({ method: 'PUT', path: `${SHIFTS_PATH}/${id}`, body, store: 'shifts', key: id }, async (tx) => {
    await tx.put(shift);
  });
}

/** The shift running now on this phone's knowledge, if any. */
export async function runningShift(at = now()): Promise<LocalShift | null> {
  const all = await (await db()).getAll('shifts');
  const open = all
    .filter((shift) => shift.ended_at === null && at - Date.parse(shift.started_at) < LONGEST_SHIFT_MS)
    .sort((a, b) => b.started_at.localeCompare(a.started_at));
  return open[0] ?? null;
}

export async function startShift(): Promise<LocalShift> {
  const running = await runningShift();
  if (running) return running;
  const shift = { id: newId(), started_at: nowIso(), ended_at: null };
  await save(shift);
  return shift;
}

/** End the running shift (if there is one); the ended shift, or null. */
export async function endShift(): Promise<LocalShift | null> {
  const running = await runningShift();
  if (!running) return null;
  const ended = { ...running, ended_at: nowIso() };
  await save(ended);
  return ended;
}

/** The running shift, kept current as shifts change here, in other tabs or by a pull. */
export function useRunningShift(): LocalShift | null | undefined {
  const [shift, setShift] = useState<LocalShift | null | undefined>(undefined);
  useEffect(() => {
    const load = () => void runningShift().then(setShift, () => setShift(null));
    load();
    return listen('shifts', load);
  }, []);
  return shift;
}
