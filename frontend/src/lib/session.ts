/**
 * Who is signed in on this device. The last answer is kept in IndexedDB so the app
 * starts offline knowing whose data it holds, and the CSRF token is kept for the outbox.
 */
import { useEffect, useState } from 'preact/hooks';

import { type Schemas, api, rememberCsrfToken } from './api';
import { announce, listen } from './events';
import { knownOffline } from './network';
import { getMeta, setMeta } from './store';

export type Account = Schemas['AccountView'];

export interface SessionState {
  /** ``unknown`` until the first check (or the cached answer) is in. */
  status: 'unknown' | 'signed_in' | 'signed_out';
  account: Account | null;
}

const SESSION_META = 'session';
let current: SessionState = { status: 'unknown', account: null };
/** Bumped by every adoption, so a slow answer never overwrites a newer one. */
let generation = 0;

function publish(next: SessionState): void {
  current = next;
  announce('session');
}

/** Store what the server said about the session (after sign-in, sign-up or a check). */
export async function adoptSession(view: Schemas['SessionView']): Promise<void> {
  generation += 1;
  if (view.csrf_token) await rememberCsrfToken(view.csrf_token);
  const next: SessionState = view.signed_in
    ? { status: 'signed_in', account: view.account ?? null }
    : { status: 'signed_out', account: null };
  await setMeta(SESSION_META, next);
  if (next.account) await setMeta('owner', next.account.username);
  publish(next);
}

/** Ask the server; when offline, fall back to the last known answer. */
export async function refreshSession(): Promise<SessionState> {
  const asked = generation;
  if (knownOffline()) {
    await loadCachedSession();
    return current;
  }
  try {
    const { data: view } = await api.GET('/api/session');
    // A sign-in (or sign-out) that finished while we waited is newer than this answer.
    if (view && generation === asked) await adoptSession(view);
  } catch {
    const cached = await getMeta<SessionState>(SESSION_META);
    if (cached && current.status === 'unknown') publish(cached);
  }
  return current;
}

export async function loadCachedSession(): Promise<void> {
  const cached = await getMeta<SessionState>(SESSION_META);
  if (cached && current.status === 'unknown') publish(cached);
}

export function sessionNow(): SessionState {
  return current;
}

export function useSession(): SessionState {
  const [state, setState] = useState(current);
  useEffect(() => {
    // Catch up with anything published between the first render and subscribing.
    setState(current);
    return listen('session', () => setState(current));
  }, []);
  return state;
}
