/**
 * Saving, deleting and pulling records that sync one by one (check-ins, grounding sessions,
 * commitments): a PUT or DELETE to ``<path>/<id>`` through the outbox, and the collection's
 * change feed at ``<path>?since=``.
 */
import type { CollectionPath } from './api';
import { commitChange } from './outbox';
import { type RecordStore, getMeta } from './store';
import { type FeedPage, applyFeedPage } from './sync';

/** Save a record here at once, and queue it for the account. */
export async function putRecord<T extends { id: string }>(
  store: RecordStore,
  path: CollectionPath,
  record: T,
): Promise<void> {
  const { id, ...body } = record;
  await commitChange({ method: 'PUT', path: `${path}/${id}`, body, store, key: id }, async (tx) => {
    await tx.put(record);
  });
}

/** Delete a record here at once; the server keeps a tombstone so other devices drop it. */
export async function deleteRecord(store: RecordStore, path: CollectionPath, id: string): Promise<void> {
  await commitChange({ method: 'DELETE', path: `${path}/${id}`, store, key: id }, async (tx) => {
    await tx.remove();
  });
}

/** Follow a collection's change feed from where this device left off. */
export async function pullFeed<T extends { id: string; revision: number }>(
  store: RecordStore,
  fetchPage: (since: number) => Promise<FeedPage<T> | undefined>,
): Promise<void> {
  const cursorKey = `cursor:${store}`;
  for (;;) {
    const since = (await getMeta<number>(cursorKey)) ?? 0;
    const page = await fetchPage(since);
    if (!page) throw new Error(`could not pull ${store}`);
    await applyFeedPage(store, cursorKey, page, ({ revision: _revision, ...item }) => item);
    if (!page.more) return;
  }
}
