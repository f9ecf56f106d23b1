/**
 * Web Push on this device: subscribing with the server's VAPID key, and telling the server
 * about the subscription. Shared by the page (turning reminders on) and the service worker
 * (renewing a subscription the browser replaced), through the one typed API client.
 */
import { api, describeError } from '../../lib/api';

/** The server's VAPID public key, as PushManager.subscribe wants it. */
export async function applicationServerKey(): Promise<Uint8Array<ArrayBuffer>> {
  const { data } = await api.GET('/api/reminders/push-key');
  if (!data) throw new Error('no push key');
  const key = data.public_key;
  const padded = (key + '='.repeat((4 - (key.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** Tell the server about a subscription (and the one it replaces, if the browser renewed
 * it). Null when the server took it; otherwise what the server said, in its words. */
export async function registerSubscription(subscription: PushSubscription, replaces?: string): Promise<string | null> {
  const json = subscription.toJSON();
  const { error, response } = await api.PUT('/api/reminders/subscriptions', {
    body: {
      endpoint: json.endpoint ?? '',
      keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
      expirationTime: json.expirationTime ?? null,
      ...(replaces ? { replaces } : {}),
    },
  });
  return response.ok ? null : describeError(error);
}
