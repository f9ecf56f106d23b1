/**
 * The typed API client. Paths and bodies are checked against the types generated from
 * the server's OpenAPI document (api-schema.d.ts), so a renamed field fails `tsc`.
 */
import createClient from 'openapi-fetch';

import type { components, paths } from './api-schema';
import { Offline, knownOffline } from './network';
import { csrfToken } from './outbox';

export type Schemas = components['schemas'];
export type ErrorBody = Schemas['ErrorBody'];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin', cache: 'no-store' });

api.use({
  async onRequest({ request }) {
    if (knownOffline()) throw new Offline();
    if (!SAFE_METHODS.has(request.method)) {
      const token = await csrfToken();
      if (token) request.headers.set('x-csrf-token', token);
    }
    return request;
  },
});

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
