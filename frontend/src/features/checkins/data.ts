/** Check-ins on this device: saved at once, queued for the server, pulled from it. */
import { useEffect, useState } from 'preact/hooks';

import { api } from '../../lib/api';
import { listen } from '../../lib/events';
import { deleteRecord, pullFeed, putRecord } from '../../lib/records';
import { type LocalCheckin, db } from '../../lib/store';
import { BODY_SIGNALS, HARD_EVENTS } from './scales';

const PATH = '/api/checkins';

export async function saveCheckin(checkin: LocalCheckin): Promise<void> {
  await putRecord('checkins', PATH, checkin);
}

export async function deleteCheckin(id: string): Promise<void> {
  await deleteRecord('checkins', PATH, id);
}

export async function recentCheckins(limit: number): Promise<LocalCheckin[]> {
  const found: LocalCheckin[] = [];
  let cursor = await (await db()).transaction('checkins').store.index('byRecordedAt').openCursor(null, 'prev');
  while (cursor && found.length < limit) {
    found.push(cursor.value);
    cursor = await cursor.continue();
  }
  return found;
}

/** Bring this device up to date with check-ins made or deleted elsewhere. */
export async function pullCheckins(): Promise<void> {
  await pullFeed('checkins', async (since) => (await api.GET(PATH, { params: { query: { since, limit: 200 } } })).data);
}

export function useRecentCheckins(limit: number): LocalCheckin[] | null {
  const [items, setItems] = useState<LocalCheckin[] | null>(null);
  useEffect(() => {
    const load = () => void recentCheckins(limit).then(setItems);
    load();
    return listen('checkins', load);
  }, [limit]);
  return items;
}

export async function loadCheckin(id: string): Promise<LocalCheckin | undefined> {
  return (await db()).get('checkins', id);
}

/** Every check-in on this device whose day is within [first, last], oldest first. */
export async function checkinsBetween(first: string, last: string): Promise<LocalCheckin[]> {
  const all = await (await db()).getAll('checkins');
  return all
    .filter((c) => c.local_date >= first && c.local_date <= last)
    .sort((a, b) => a.recorded_at.localeCompare(b.recorded_at));
}

/** Body signals and hard events the person described in their own words before. */
export function useOwnMarks(): { body: string[]; tags: string[] } {
  const [own, setOwn] = useState<{ body: string[]; tags: string[] }>({ body: [], tags: [] });
  useEffect(() => {
    void (async () => {
      const all = await (await db()).getAll('checkins');
      const listed = new Set([...BODY_SIGNALS, ...HARD_EVENTS].map((option) => option.key));
      const body = new Set<string>();
      const tags = new Set<string>();
      for (const checkin of all) {
        for (const value of checkin.body_signals) if (!listed.has(value)) body.add(value);
        for (const value of checkin.tags) if (!listed.has(value)) tags.add(value);
      }
      setOwn({ body: [...body], tags: [...tags] });
    })();
  }, []);
  return own;
}
