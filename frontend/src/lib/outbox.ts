/**
 * The outbox: every change is applied to IndexedDB and queued in the same transaction,
 * then replayed to the API in order. An entry leaves the queue only after the server
 * has answered it, and every write is idempotent (PUT or DELETE by client id), so a
 * crash or reload mid-flush can resend a change but never lose or double it.
 *
 * Runs in the page and in the service worker (Background Sync, notification actions):
 * no window or document here.
 */
import { type QueuedPath, isCsrfRefusal, sendQueued } from './api';
import { announce } from './events';
import { knownOffline } from './network';
import { newId } from './ids';
import { type OutboxOp, type RecordStore, db, getMeta } from './store';
import { nowIso } from './clock';

export const SYNC_TAG = 'steady-outbox';

export interface Change {
  method: 'PUT' | 'DELETE';
  path: QueuedPath<'put' | 'delete'>;
  body?: unknown;
  store: RecordStore;
  key: string;
}

export type FlushState = 'done' | 'offline' | 'retry' | 'signed_out';

export interface FlushOutcome {
  state: FlushState;
  sent: number;
}

/**
 * How a store takes part in sending, for records that are more than a PUT by id (the
 * toolkit is one versioned document):
 * - ``prepare`` builds the body at send time, so it carries the freshest content and version;
 * - ``delivered`` hears the server's answer (to note the new version);
 * - ``conflict`` answers a 409's body with a merged body to send instead, or null to drop the change.
 */
export interface StoreHooks {
  prepare?: (op: OutboxOp) => Promise<unknown>;
  delivered?: (op: OutboxOp, answer: unknown) => Promise<void>;
  conflict?: (op: OutboxOp, answer: unknown) => Promise<unknown | null>;
}
const hooks = new Map<string, StoreHooks>();

export function registerStoreHooks(store: RecordStore, storeHooks: StoreHooks): void {
  hooks.set(store, storeHooks);
}

/**
 * Apply a local change and queue it for the server atomically: either both happen or
 * neither does. ``apply`` runs inside the transaction with the feature's store.
 */
export async function commitChange<S extends RecordStore>(
  change: Change & { store: S },
  apply: (tx: { store: S; put: (value: unknown) => Promise<unknown>; remove: () => Promise<void> }) => Promise<void>,
): Promise<void> {
  const database = await db();
  const tx = database.transaction([change.store, 'outbox'], 'readwrite');
  const featureStore = tx.objectStore(change.store);
  await apply({
    store: change.store,
    put: (value) => featureStore.put(value as never),
    remove: () => featureStore.delete(change.key as never),
  });
  const outbox = tx.objectStore('outbox');
  const queued = await outbox.index('byKey').getAll([change.store, change.key]);
  const last = queued[queued.length - 1];
  if (last && last.method === 'PUT' && change.method === 'PUT' && last.path === change.path) {
    // Several edits of one record collapse into one request, keeping its place in line.
    // A new opId tells a flush already sending the old body to send again.
    await outbox.put({ ...last, opId: newId(), body: change.body, queuedAt: nowIso() });
  } else {
    await outbox.add({
      opId: newId(),
      method: change.method,
      path: change.path,
      body: change.body,
      store: change.store,
      key: change.key,
      queuedAt: nowIso(),
      attempts: 0,
    });
  }
  await tx.done;
  announce(change.store);
  // "queued" (not "outbox") wakes the page's sync; a flush announces "outbox" as it drains.
  announce('queued');
}

/** A request the outbox sends that changes nothing stored on the phone. */
export type QueuedRequest =
  | { method: 'POST'; path: QueuedPath<'post'>; body: unknown }
  | { method: 'PUT'; path: QueuedPath<'put'>; body: unknown }
  | { method: 'DELETE'; path: QueuedPath<'delete'> };

/**
 * Queue a request that changes nothing on this phone (a notification's "Snooze", a post
 * in a circle): it waits in line with every other write, survives a restart and is
 * retried like them. Queued again under one key, only the newest is sent.
 */
export async function queueRequest(request: QueuedRequest, key: string): Promise<void> {
  const tx = (await db()).transaction('outbox', 'readwrite');
  for (const waiting of await tx.store.index('byKey').getAll(['requests', key])) await tx.store.delete(waiting.seq!);
  const body = 'body' in request ? request.body : undefined;
  await tx.store.add({
    opId: newId(),
    method: request.method,
    path: request.path,
    body,
    store: 'requests',
    key,
    queuedAt: nowIso(),
    attempts: 0,
  });
  await tx.done;
  announce('queued');
}

/** Requests still waiting to be sent whose path starts with ``prefix``, oldest first. */
export async function queuedRequests(prefix: string): Promise<OutboxOp[]> {
  const all = await (await db()).getAll('outbox');
  return all.filter((op) => op.store === 'requests' && op.path.startsWith(prefix));
}

export async function pendingCount(): Promise<number> {
  return (await db()).count('outbox');
}

export async function rejectedCount(): Promise<number> {
  return (await db()).count('rejected');
}

/** Keys of records with a change still waiting, so a pull does not overwrite them. */
export async function pendingKeys(store: RecordStore): Promise<Set<string>> {
  const all = await (await db()).getAll('outbox');
  return new Set(all.filter((op) => op.store === store).map((op) => op.key));
}

type Verdict =
  | { kind: 'done' }
  | { kind: 'gone' }
  | { kind: 'retry'; offline: boolean; reason: string }
  | { kind: 'signed_out' }
  | { kind: 'rejected'; status: number; reason: string };

async function deliver(op: OutboxOp): Promise<Verdict> {
  const storeHooks = hooks.get(op.store) ?? {};
  let body = storeHooks.prepare ? await storeHooks.prepare(op) : op.body;
  for (let round = 0; round < 3; round++) {
    let answer: Awaited<ReturnType<typeof sendQueued>>;
    try {
      answer = await sendQueued(op.method, op.path, body);
    } catch {
      return { kind: 'retry', offline: true, reason: 'offline' };
    }
    const { status, ok } = answer.response;
    if (ok) {
      await storeHooks.delivered?.(op, answer.data);
      return { kind: 'done' };
    }
    if (status === 401) return { kind: 'signed_out' };
    // A refused CSRF token is never the change's fault: keep it and try again later.
    if (isCsrfRefusal(status, answer.error)) return { kind: 'retry', offline: false, reason: 'csrf' };
    if (status === 410 || (status === 404 && op.method === 'DELETE')) return { kind: 'gone' };
    if (status === 409 && storeHooks.conflict) {
      const merged = await storeHooks.conflict(op, answer.error);
      if (merged === null) return { kind: 'done' };
      body = merged;
      continue;
    }
    if (status === 408 || status === 429 || status >= 500) {
      return { kind: 'retry', offline: false, reason: `server answered ${status}` };
    }
    const reason = typeof answer.error === 'string' ? answer.error : JSON.stringify(answer.error ?? '');
    return { kind: 'rejected', status, reason: reason.slice(0, 500) };
  }
  return { kind: 'retry', offline: false, reason: 'conflict kept changing' };
}

/** Remove a delivered op, unless it was replaced by a newer edit while in flight. */
async function settle(op: OutboxOp): Promise<void> {
  const tx = (await db()).transaction('outbox', 'readwrite');
  const current = await tx.store.get(op.seq!);
  if (current && current.opId === op.opId) await tx.store.delete(op.seq!);
  await tx.done;
}

async function reject(op: OutboxOp, status: number, reason: string): Promise<void> {
  const tx = (await db()).transaction(['outbox', 'rejected'], 'readwrite');
  await tx.objectStore('rejected').put({ ...op, status, reason, rejectedAt: nowIso() });
  await tx.objectStore('outbox').delete(op.seq!);
  await tx.done;
}

async function noteAttempt(op: OutboxOp, reason: string): Promise<void> {
  const tx = (await db()).transaction('outbox', 'readwrite');
  const current = await tx.store.get(op.seq!);
  if (current) await tx.store.put({ ...current, attempts: current.attempts + 1, lastError: reason });
  await tx.done;
}

async function forgetLocally(op: OutboxOp): Promise<void> {
  // Deleted on another device: the server said "gone", so drop our copy too.
  if (op.method === 'PUT' && op.store !== 'requests') await (await db()).delete(op.store, op.key as never);
}

let chain: Promise<unknown> = Promise.resolve();

function exclusively<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (locks) return locks.request(SYNC_TAG, work) as Promise<T>;
  const next = chain.then(work, work);
  chain = next.catch(() => undefined);
  return next;
}

/** Send every queued change, oldest first, one flush at a time across tabs and worker. */
export function flushOutbox(): Promise<FlushOutcome> {
  return exclusively(async () => {
    let sent = 0;
    // Changes made signed out wait for a sign-in (the worker cannot tell otherwise).
    const session = await getMeta<{ status?: string }>('session');
    if (session?.status !== 'signed_in') return { state: 'signed_out' as const, sent };
    if (knownOffline()) return { state: 'offline' as const, sent };
    for (;;) {
      const cursor = await (await db()).transaction('outbox').store.openCursor();
      const op = cursor?.value;
      if (!op) return { state: 'done' as const, sent };
      const verdict = await deliver(op);
      if (verdict.kind === 'retry') {
        await noteAttempt(op, verdict.reason);
        return { state: verdict.offline ? ('offline' as const) : ('retry' as const), sent };
      }
      if (verdict.kind === 'signed_out') return { state: 'signed_out' as const, sent };
      if (verdict.kind === 'rejected') await reject(op, verdict.status, verdict.reason);
      else {
        if (verdict.kind === 'gone') await forgetLocally(op);
        await settle(op);
      }
      sent += 1;
      announce('outbox');
      announce(op.store);
    }
  });
}
