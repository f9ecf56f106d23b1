/**
 * Keeps the device and the server in step: flush the outbox, then pull each feature's
 * changes since its cursor. Runs on start, when the network returns, when the app comes
 * back into view, after each local change, and on a backoff timer after failures.
 */
import { useEffect, useState } from 'preact/hooks';

import { announce, listen } from './events';
import { knownOffline } from './network';
import { SYNC_TAG, flushOutbox, pendingCount, pendingKeys, rejectedCount } from './outbox';
import { refreshSession, sessionNow } from './session';
import { type RecordStore, db } from './store';

export interface SyncStatus {
  online: boolean;
  pending: number;
  rejected: number;
  syncing: boolean;
}

/** One page of a feature's change feed, as every synced endpoint returns it. */
export interface FeedPage<T> {
  items: T[];
  deleted: string[];
  cursor: number;
  more: boolean;
}

export type Puller = () => Promise<void>;

const pullers: Puller[] = [];
// Prerendering runs in Node, where there is no navigator: assume online there.
let status: SyncStatus = {
  online: typeof navigator === 'undefined' || navigator.onLine,
  pending: 0,
  rejected: 0,
  syncing: false,
};
let running = false;
let again = false;
let retryTimer: number | undefined;
let retryDelay = 2000;

function setStatus(patch: Partial<SyncStatus>): void {
  status = { ...status, ...patch };
  announce('sync-status');
}

async function refreshCounts(): Promise<void> {
  setStatus({ pending: await pendingCount(), rejected: await rejectedCount() });
}

/** Features register how to pull their changes (see ``app`` wiring). */
export function registerPuller(puller: Puller): void {
  pullers.push(puller);
}

/**
 * Store one page of a feed: new and edited records, and deletions. Records with a change
 * still waiting in the outbox are left alone; the device's newer edit wins until it is sent.
 */
export async function applyFeedPage<T extends { id: string }>(
  store: RecordStore,
  cursorKey: string,
  page: FeedPage<T>,
  toLocal: (item: T) => unknown,
): Promise<void> {
  const waiting = await pendingKeys(store);
  const tx = (await db()).transaction([store, 'meta'], 'readwrite');
  const records = tx.objectStore(store);
  for (const item of page.items) if (!waiting.has(item.id)) await records.put(toLocal(item) as never);
  for (const id of page.deleted) if (!waiting.has(id)) await records.delete(id as never);
  await tx.objectStore('meta').put(page.cursor, cursorKey);
  await tx.done;
  announce(store);
}

function scheduleRetry(): void {
  window.clearTimeout(retryTimer);
  retryTimer = window.setTimeout(() => void syncNow(), retryDelay);
  retryDelay = Math.min(retryDelay * 2, 60_000);
}

/** Flush, then pull. Calls made while a sync runs fold into one more round. */
export async function syncNow(): Promise<void> {
  if (running) {
    again = true;
    return;
  }
  running = true;
  setStatus({ syncing: true });
  try {
    do {
      again = false;
      if (sessionNow().status !== 'signed_in') break;
      const outcome = await flushOutbox();
      if (outcome.state === 'signed_out') {
        await refreshSession();
        break;
      }
      if (outcome.state !== 'done') {
        setStatus({ online: outcome.state !== 'offline' && navigator.onLine });
        // Known to be offline: the "online" event starts the next sync, no timer needed.
        if (!knownOffline()) scheduleRetry();
        break;
      }
      setStatus({ online: true });
      try {
        for (const pull of pullers) await pull();
        retryDelay = 2000;
      } catch {
        scheduleRetry();
      }
    } while (again);
  } finally {
    running = false;
    setStatus({ syncing: false });
    await refreshCounts();
  }
}

async function askForBackgroundSync(): Promise<void> {
  const registration = await navigator.serviceWorker?.getRegistration();
  const sync = (
    registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined
  )?.sync;
  await sync?.register(SYNC_TAG).catch(() => undefined);
}

/** Start listening for the moments to sync. Call once at start-up. */
export function startSync(): void {
  window.addEventListener('online', () => {
    setStatus({ online: true });
    retryDelay = 2000;
    void syncNow();
  });
  window.addEventListener('offline', () => setStatus({ online: false }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void syncNow();
  });
  listen('queued', () => {
    void refreshCounts();
    void askForBackgroundSync();
    void syncNow();
  });
  listen('outbox', () => void refreshCounts());
  listen('session', () => {
    if (sessionNow().status === 'signed_in') void syncNow();
  });
  void refreshCounts();
}

export function useSyncStatus(): SyncStatus {
  const [state, setState] = useState(status);
  useEffect(() => {
    setState(status); // catch up with changes made before this subscribed
    return listen('sync-status', () => setState(status));
  }, []);
  return state;
}
