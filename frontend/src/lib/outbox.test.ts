/**
 * The outbox, on an in-memory IndexedDB (fake-indexeddb) with the server played by a
 * stub of sendQueued: what a person would notice is that a change is kept at once, sent
 * in order when there is signal, never lost, never doubled, and set aside (not retried
 * forever) when the server refuses it.
 */
import 'fake-indexeddb/auto';

import { beforeEach, describe, expect, it, vi } from 'vitest';

import { sendQueued } from './api';
import {
  commitChange,
  flushOutbox,
  pendingCount,
  pendingKeys,
  queueRequest,
  queuedRequests,
  registerStoreHooks,
  rejectedCount,
} from './outbox';
import { db, setMeta } from './store';

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  sendQueued: vi.fn(),
}));

const send = vi.mocked(sendQueued);

interface Sent {
  method: string;
  path: string;
  body: unknown;
}
let sent: Sent[];
/** What the server answers next, in order (then 200 to anything). 'offline' throws like fetch does. */
let answers: ({ status: number; error?: unknown; data?: unknown } | 'offline' | (() => Promise<void>))[];

beforeEach(async () => {
  vi.stubGlobal('BroadcastChannel', undefined);
  const database = await db();
  for (const name of database.objectStoreNames) await database.clear(name);
  await setMeta('session', { status: 'signed_in' });
  sent = [];
  answers = [];
  send.mockReset();
  send.mockImplementation(async (method, path, body) => {
    sent.push({ method, path, body });
    let next = answers.shift() ?? { status: 200 };
    if (typeof next === 'function') {
      await next();
      next = { status: 200 };
    }
    if (next === 'offline') throw new TypeError('Failed to fetch');
    return { data: next.data, error: next.error, response: new Response(null, { status: next.status }) };
  });
});

async function saveCheckin(id: string, note: string): Promise<void> {
  const body = { id, note };
  await commitChange({ method: 'PUT', path: `/api/checkins/${id}`, body, store: 'checkins', key: id }, async (tx) => {
    await tx.put(body);
  });
}

async function deleteCheckin(id: string): Promise<void> {
  await commitChange({ method: 'DELETE', path: `/api/checkins/${id}`, store: 'checkins', key: id }, async (tx) => {
    await tx.remove();
  });
}

const notes = () =>
  sent.map((request) => `${request.method} ${request.path} ${(request.body as { note?: string })?.note ?? ''}`.trim());

describe('a change', () => {
  it('is kept on the phone at once and waits in line for the server', async () => {
    await saveCheckin('a', 'slept 5 hours');
    expect(await (await db()).get('checkins', 'a')).toEqual({ id: 'a', note: 'slept 5 hours' });
    expect(await pendingCount()).toBe(1);
    expect(await pendingKeys('checkins')).toEqual(new Set(['a']));
    expect(sent).toEqual([]);
  });

  it('edited several times goes as one request with the latest content, in its first place in line', async () => {
    await saveCheckin('a', 'first');
    await saveCheckin('b', 'other');
    await saveCheckin('a', 'second');
    expect(await flushOutbox()).toEqual({ state: 'done', sent: 2 });
    expect(notes()).toEqual(['PUT /api/checkins/a second', 'PUT /api/checkins/b other']);
    expect(await pendingCount()).toBe(0);
  });

  it('deleted after an edit is sent as the edit, then the delete', async () => {
    await saveCheckin('a', 'oops');
    await deleteCheckin('a');
    await flushOutbox();
    expect(notes()).toEqual(['PUT /api/checkins/a oops', 'DELETE /api/checkins/a']);
  });
});

describe('replaying the outbox', () => {
  it('sends oldest first, stops when the signal goes, and resends the rest as they were', async () => {
    await saveCheckin('a', 'one');
    await saveCheckin('b', 'two');
    await saveCheckin('c', 'three');
    answers = [{ status: 201 }, 'offline'];
    expect(await flushOutbox()).toEqual({ state: 'offline', sent: 1 });
    expect(await pendingKeys('checkins')).toEqual(new Set(['b', 'c']));
    expect(await flushOutbox()).toEqual({ state: 'done', sent: 2 });
    expect(notes()).toEqual([
      'PUT /api/checkins/a one',
      'PUT /api/checkins/b two',
      'PUT /api/checkins/b two',
      'PUT /api/checkins/c three',
    ]);
  });

  it('sends again a change edited while it was being sent, with the new content', async () => {
    await saveCheckin('a', 'draft');
    answers = [() => saveCheckin('a', 'final')];
    expect(await flushOutbox()).toEqual({ state: 'done', sent: 2 });
    expect(notes()).toEqual(['PUT /api/checkins/a draft', 'PUT /api/checkins/a final']);
    expect(await pendingCount()).toBe(0);
  });

  it('sets aside a change the server refuses, and the rest still go', async () => {
    await saveCheckin('a', 'too long');
    await saveCheckin('b', 'fine');
    answers = [{ status: 422, error: { detail: 'Keep the note under 2,000 characters.' } }];
    expect(await flushOutbox()).toEqual({ state: 'done', sent: 2 });
    expect(await rejectedCount()).toBe(1);
    expect(await pendingCount()).toBe(0);
    const [rejected] = await (await db()).getAll('rejected');
    expect(rejected).toMatchObject({
      key: 'a',
      status: 422,
      reason: '{"detail":"Keep the note under 2,000 characters."}',
    });
  });

  it('keeps the change for later when the server is in trouble, noting why', async () => {
    await saveCheckin('a', 'later');
    answers = [{ status: 503 }];
    expect(await flushOutbox()).toEqual({ state: 'retry', sent: 0 });
    const [waiting] = await (await db()).getAll('outbox');
    expect(waiting).toMatchObject({ key: 'a', attempts: 1, lastError: 'server answered 503' });
  });

  it("keeps the change when the CSRF token went stale (never the change's fault)", async () => {
    await saveCheckin('a', 'kept');
    answers = [{ status: 403, error: { detail: 'CSRF token verification failed' } }];
    expect(await flushOutbox()).toEqual({ state: 'retry', sent: 0 });
    expect(await pendingCount()).toBe(1);
    expect(await rejectedCount()).toBe(0);
  });

  it('sends nothing while signed out, and keeps changes the server says need a sign-in', async () => {
    await saveCheckin('a', 'made signed out');
    await setMeta('session', { status: 'signed_out' });
    expect(await flushOutbox()).toEqual({ state: 'signed_out', sent: 0 });
    expect(sent).toEqual([]);
    await setMeta('session', { status: 'signed_in' });
    answers = [{ status: 401 }];
    expect(await flushOutbox()).toEqual({ state: 'signed_out', sent: 0 });
    expect(await pendingCount()).toBe(1);
  });

  it('drops the local copy of a record deleted on another device', async () => {
    await saveCheckin('a', 'deleted elsewhere');
    answers = [{ status: 410 }];
    expect(await flushOutbox()).toEqual({ state: 'done', sent: 1 });
    expect(await (await db()).get('checkins', 'a')).toBeUndefined();
    expect(await pendingCount()).toBe(0);
  });

  it('sends a merged body when a store resolves a conflict', async () => {
    registerStoreHooks('toolkit', { conflict: async (_op, answer) => ({ merged: answer }) });
    await commitChange(
      { method: 'PUT', path: '/api/toolkit', body: { mine: 1 }, store: 'toolkit', key: 'mine' },
      async (tx) => {
        await tx.put({ key: 'mine' });
      },
    );
    answers = [{ status: 409, error: { theirs: 2 } }];
    expect(await flushOutbox()).toEqual({ state: 'done', sent: 1 });
    expect(sent.map((request) => request.body)).toEqual([{ mine: 1 }, { merged: { theirs: 2 } }]);
  });
});

describe('requests that change nothing on the phone', () => {
  it('queued again under one key are sent once, the newest', async () => {
    const snooze = (until: string) =>
      queueRequest({ method: 'POST', path: '/api/reminders/snooze', body: { until } }, 'snooze:commitment:c-1');
    await snooze('hour');
    await snooze('day');
    expect((await queuedRequests('/api/reminders/')).map((op) => op.body)).toEqual([{ until: 'day' }]);
    await flushOutbox();
    expect(sent).toEqual([{ method: 'POST', path: '/api/reminders/snooze', body: { until: 'day' } }]);
  });
});
