/** Commitments and their ticks on this device: saved at once, synced, pulled. */
import { useEffect, useState } from 'preact/hooks';

import { today } from '../../lib/dates';
import { listen } from '../../lib/events';
import { newId } from '../../lib/ids';
import { deleteRecord, putRecord } from '../../lib/records';
import { type Cadence, type LocalCommitment, type LocalCompletion, db } from '../../lib/store';

export const COMMITMENTS_PATH = '/api/commitments';
export const COMPLETIONS_PATH = '/api/completions';
/** More than this many active commitments, and Steady gently suggests fewer. */
export const GENTLE_LIMIT = 3;
export const MAX_ACTIVE = 20;

export const STARTERS = ['Take my full break', 'Drink water before handover', 'Text a colleague after a hard case', 'Leave on time'];

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
    title: fields.title.trim().slice(0, 80),
    why: (fields.why ?? '').trim().slice(0, 280),
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

export async function complete(commitmentId: string, localDate: string): Promise<void> {
  await putRecord('completions', COMPLETIONS_PATH, {
    id: newId(),
    commitment_id: commitmentId,
    local_date: localDate,
    completed_at: new Date().toISOString(),
  });
}

export async function undo(completionId: string): Promise<void> {
  await deleteRecord('completions', COMPLETIONS_PATH, completionId);
}

export interface CommitmentsState {
  commitments: LocalCommitment[];
  completions: LocalCompletion[];
}

export function useCommitments(): CommitmentsState | null {
  const [state, setState] = useState<CommitmentsState | null>(null);
  useEffect(() => {
    const load = async () => {
      const database = await db();
      setState({ commitments: await database.getAll('commitments'), completions: await database.getAll('completions') });
    };
    void load();
    const stopCommitments = listen('commitments', () => void load());
    const stopCompletions = listen('completions', () => void load());
    return () => {
      stopCommitments();
      stopCompletions();
    };
  }, []);
  return state;
}
