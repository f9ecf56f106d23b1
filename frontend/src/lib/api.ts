/**
 * The typed API client: the one way the page and the service worker call the server.
 * Paths and bodies are checked against the types generated from the server's OpenAPI
 * document (api-schema.d.ts), so a renamed field fails `tsc`. CSRF lives here and only
 * here: every write carries the token, and a write refused for a stale token is sent
 * once more with a fresh one.
 */
import createClient, { type ClientPathsWithMethod, type Middleware } from 'openapi-fetch';

import type { components, paths } from './api-schema';
import { Offline, knownOffline } from './network';
import { type HttpMethod, getMeta, setMeta } from './store';

export type Schemas = components['schemas'];
export type ErrorBody = Schemas['ErrorBody'];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CSRF_META = 'csrfToken';
const CSRF_HEADER = 'x-csrf-token';

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin', cache: 'no-store' });

/** Store the CSRF token the server handed out (the page and the worker share it). */
export async function rememberCsrfToken(token: string): Promise<void> {
  await setMeta(CSRF_META, token);
}

async function freshCsrfToken(): Promise<string | null> {
  if (knownOffline()) return null;
  const { data } = await api.GET('/api/session');
  if (data?.csrf_token) await rememberCsrfToken(data.csrf_token);
  return data?.csrf_token ?? null;
}

function csrfCookie(): string | null {
  // Pages read the cookie the browser will actually send; workers cannot, and use IndexedDB.
  const page = (globalThis as { document?: { cookie: string } }).document;
  if (!page) return null;
  const match = page.cookie.match(/(?:^|;\s*)steady_csrf=([^;]+)/);
  return match ? decodeURIComponent(match[1]!) : null;
}

async function csrfToken(): Promise<string | null> {
  return csrfCookie() ?? (await getMeta<string>(CSRF_META)) ?? (await freshCsrfToken());
}

/** A 403 that is about the CSRF token (never the change's fault), not about the change. */
export function isCsrfRefusal(status: number, body: unknown): boolean {
  return status === 403 && JSON.stringify(body ?? '').includes('CSRF');
}

// Each write's untouched copy, so a refusal for a stale token can be sent again.
const unsent = new Map<string, Request>();

const csrf: Middleware = {
  async onRequest({ request, id }) {
    if (knownOffline()) throw new Offline();
    if (SAFE_METHODS.has(request.method)) return request;
    request.headers.set(CSRF_HEADER, (await csrfToken()) ?? '');
    unsent.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id }) {
    const copy = unsent.get(id);
    unsent.delete(id);
    if (!copy || response.status !== 403 || !isCsrfRefusal(403, await response.clone().text())) return response;
    copy.headers.set(CSRF_HEADER, (await freshCsrfToken()) ?? '');
    return fetch(copy);
  },
  onError({ id }) {
    unsent.delete(id);
  },
};
api.use(csrf);

/** Paths the outbox may replay: a real API path (with its ids filled in) that takes the
 * method, checked by `tsc` at the feature that queues it. */
type Filled<P extends string> = P extends `${infer Head}{${string}}${infer Tail}`
  ? `${Head}${string}${Filled<Tail>}`
  : P;
export type QueuedPath<M extends 'put' | 'delete' | 'post'> = M extends unknown
  ? Filled<ClientPathsWithMethod<typeof api, M> & string>
  : never;

/** A collection whose records are PUT one by one at ``<path>/<id>`` (e.g. /api/checkins). */
type CollectionOf<P> = P extends `${infer Base}/{${infer Id}}`
  ? Id extends `${string}/${string}`
    ? never
    : Base
  : never;
export type CollectionPath = CollectionOf<ClientPathsWithMethod<typeof api, 'put'>>;

/** Send one queued write as it was queued (the outbox knows its path is a real one). */
export function sendQueued(
  method: HttpMethod,
  path: string,
  body: unknown,
): Promise<{ data?: unknown; error?: unknown; response: Response }> {
  return api.request(
    method.toLowerCase() as 'put',
    path as never,
    (body === undefined ? {} : { body }) as never,
  ) as never;
}

/** Messages by field name, for putting each one beside its input. */
export function fieldMessages(error: unknown): Record<string, string> {
  const body = error as Partial<ErrorBody> | undefined;
  const messages: Record<string, string> = {};
  for (const item of body?.errors ?? []) messages[item.field] ??= item.message;
  return messages;
}

export const OFFLINE_SENTENCE = "Steady couldn't reach the server. Check your connection and try again.";

/** The server's own sentences for an error answer (shown as they are), or, with no answer
 * at all, that the network is the problem. */
export function describeError(error: unknown): string {
  const body = error as Partial<ErrorBody> | undefined;
  if (body?.errors?.length) return body.errors.map((e) => e.message).join(' ');
  if (typeof body?.detail === 'string') return body.detail;
  return OFFLINE_SENTENCE;
}

/** Waiting longer than this for the server is "no connection" as far as the page goes. */
const PATIENCE_MS = 5000;

/** ``call``, or an error once it has taken so long that the page should say "offline". */
export async function withPatience<T>(call: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer in time')), PATIENCE_MS);
  });
  try {
    return await Promise.race([call, late]);
  } finally {
    clearTimeout(timer);
  }
}
