/** Commitments and their ticks on this device, as a hook that follows changes. */
import { useEffect, useState } from 'preact/hooks';

import { listen } from '../../lib/events';
import { type LocalCommitment, type LocalCompletion, db } from '../../lib/store';

/** More than this many active commitments, and Steady gently suggests fewer. */
export const GENTLE_LIMIT = 3;

export const STARTERS = [
  'Take my full break',
  'Drink water before handover',
  'Text a colleague after a hard case',
  'Leave on time',
];

export interface CommitmentsState {
  commitments: LocalCommitment[];
  completions: LocalCompletion[];
}

export function useCommitments(): CommitmentsState | null {
  const [state, setState] = useState<CommitmentsState | null>(null);
  useEffect(() => {
    const load = async () => {
      const database = await db();
      setState({
        commitments: await database.getAll('commitments'),
        completions: await database.getAll('completions'),
      });
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
