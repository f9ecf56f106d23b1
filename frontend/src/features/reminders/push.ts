/**
 * Web Push on this device: whether it can work here, and subscribing with the server's
 * VAPID key. Shared by the page (turning reminders on) and the service worker
 * (renewing a subscription the browser replaced). No window or document here.
 */

/** The server's VAPID public key, as PushManager.subscribe wants it. */
export async function applicationServerKey(): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch('/api/reminders/push-key', { credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) throw new Error('no push key');
  const { public_key: key } = (await response.json()) as { public_key: string };
  const padded = (key + '='.repeat((4 - (key.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** Tell the server about a subscription (and the one it replaces, if the browser renewed it). */
export async function registerSubscription(
  subscription: PushSubscription,
  csrf: string | null,
  replaces?: string,
): Promise<boolean> {
  const body = { ...subscription.toJSON(), ...(replaces ? { replaces } : {}) };
  const response = await fetch('/api/reminders/subscriptions', {
    method: 'PUT',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    body: JSON.stringify(body),
  });
  return response.ok;
}
