/**
 * Writing commitments and their ticks on this phone (saved at once, queued for the
 * account). No hooks and no DOM: the service worker's "Done" uses ``complete`` too.
 */
import { MAX_LENGTH } from '../../lib/api-limits';
import { today } from '../../lib/dates';
import { newId } from '../../lib/ids';
import { deleteRecord, putRecord } from '../../lib/records';
import { type Cadence, type LocalCommitment, db } from '../../lib/store';
import { nowIso } from '../../lib/clock';

export const COMMITMENTS_PATH = '/api/commitments';
export const COMPLETIONS_PATH = '/api/completions';

export async function saveCommitment(commitment: LocalCommitment): Promise<void> {
  await putRecord('commitments', COMMITMENTS_PATH, commitment);
}

export async function createCommitment(fields: {
  title: string;
  why?: string;
  cadence?: Cadence;
  weekdays?: number[];
  on_date?: string | null;
  reminder_time?: string | null;
}): Promise<LocalCommitment> {
  const commitment: LocalCommitment = {
    id: newId(),
    title: fields.title.trim().slice(0, MAX_LENGTH.CommitmentWrite.title),
    why: (fields.why ?? '').trim().slice(0, MAX_LENGTH.CommitmentWrite.why),
    cadence: fields.cadence ?? 'daily',
    weekdays: fields.weekdays ?? [],
    on_date: fields.on_date ?? null,
    reminder_time: fields.reminder_time ?? null,
    active: true,
    starts_on: today(),
  };
  await saveCommitment(commitment);
  return commitment;
}

/** Delete a commitment; its ticks go too (the server tombstones them for other devices). */
export async function deleteCommitment(id: string): Promise<void> {
  await deleteRecord('commitments', COMMITMENTS_PATH, id);
  const database = await db();
  const ticks = await database.getAllFromIndex('completions', 'byCommitment', id);
  const tx = database.transaction('completions', 'readwrite');
  await Promise.all(ticks.map((tick) => tx.store.delete(tick.id)));
  await tx.done;
}

/** Tick a commitment for a day: from the Today screen or a notification's "Done". */
export async function complete(commitmentId: string, localDate: string): Promise<void> {
  await putRecord('completions', COMPLETIONS_PATH, {
    id: newId(),
    commitment_id: commitmentId,
    local_date: localDate,
    completed_at: nowIso(),
  });
}

export async function undo(completionId: string): Promise<void> {
  await deleteRecord('completions', COMPLETIONS_PATH, completionId);
}
