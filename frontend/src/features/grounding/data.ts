/** Grounding sessions and preferences on this device. */
import { useEffect, useState } from 'preact/hooks';

import { listen } from '../../lib/events';
import { putRecord } from '../../lib/records';
import { type LocalGroundingSession, db, getMeta, setMeta } from '../../lib/store';
import { nowDate } from '../../lib/clock';

export const SESSIONS_PATH = '/api/grounding/sessions';

export interface GroundingPrefs {
  haptics: boolean;
  tones: boolean;
  favourite: string | null;
  minutes: Record<string, number>;
}

const DEFAULT_PREFS: GroundingPrefs = { haptics: true, tones: false, favourite: null, minutes: {} };

export async function recordSession(session: LocalGroundingSession): Promise<void> {
  await putRecord('grounding_sessions', SESSIONS_PATH, session);
}

export async function loadPrefs(): Promise<GroundingPrefs> {
  return { ...DEFAULT_PREFS, ...((await getMeta<GroundingPrefs>('groundingPrefs')) ?? {}) };
}

export async function savePrefs(change: Partial<GroundingPrefs>): Promise<void> {
  await setMeta('groundingPrefs', { ...(await loadPrefs()), ...change });
}

export function usePrefs(): [GroundingPrefs | null, (change: Partial<GroundingPrefs>) => void] {
  const [prefs, setPrefs] = useState<GroundingPrefs | null>(null);
  useEffect(() => void loadPrefs().then(setPrefs), []);
  // The screen shows a preference once it is stored, so what you see is what "Ground now" uses.
  const update = (change: Partial<GroundingPrefs>) => {
    void savePrefs(change).then(() => setPrefs((current) => ({ ...(current ?? DEFAULT_PREFS), ...change })));
  };
  return [prefs, update];
}

/** Minutes of grounding practised since local midnight. */
export function useMinutesToday(): number {
  const [minutes, setMinutes] = useState(0);
  useEffect(() => {
    const load = async () => {
      const midnight = nowDate();
      midnight.setHours(0, 0, 0, 0);
      const today = await (await db()).getAllFromIndex(
        'grounding_sessions',
        'byEndedAt',
        IDBKeyRange.lowerBound(midnight.toISOString()),
      );
      setMinutes(Math.round(today.reduce((sum, s) => sum + s.duration_seconds, 0) / 60));
    };
    void load();
    return listen('grounding_sessions', () => void load());
  }, []);
  return minutes;
}
