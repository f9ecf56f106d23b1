/// <reference lib="webworker" />
/**
 * Reminders in the service worker: a push becomes a notification; "Done" ticks the
 * commitment and "Snooze" asks to be reminded again in an hour, both through the outbox
 * like every other write (so they work with no signal, survive a restart and count
 * once), and a plain tap opens the right screen.
 */
import { complete } from '../frontend/src/features/commitments/writes';
import { applicationServerKey, registerSubscription } from '../frontend/src/features/reminders/push';
import type { Schemas } from '../frontend/src/lib/api';
import { SYNC_TAG, flushOutbox, queueRequest } from '../frontend/src/lib/outbox';

declare const self: ServiceWorkerGlobalScope;

/** What the server pushes (its words are already lock-screen safe). */
export type Notice = Schemas['Notice'];

const ACTION_TITLES = { done: 'Done', snooze: 'Snooze 1 h' } as const;

/** Show what the server sent (its words are already lock-screen safe). */
export async function showNotice(notice: Notice): Promise<void> {
  const options: NotificationOptions & { actions: Array<{ action: string; title: string }> } = {
    body: notice.body,
    tag: notice.tag,
    data: notice,
    icon: '/icons/icon-192.png',
    badge: '/icons/icon-192.png',
    actions: notice.actions.map((action) => ({ action, title: ACTION_TITLES[action] })),
  };
  await self.registration.showNotification(notice.title, options);
}

async function sendSoon(): Promise<void> {
  const outcome = await flushOutbox();
  if (outcome.state === 'offline' || outcome.state === 'retry') {
    // The browser wakes this worker again when the network is back.
    const registration = self.registration as ServiceWorkerRegistration & {
      sync?: { register: (tag: string) => Promise<void> };
    };
    await registration.sync?.register(SYNC_TAG).catch(() => undefined);
  }
}

async function markDone(notice: Notice): Promise<void> {
  if (!notice.ref) return;
  await complete(notice.ref, notice.local_date);
  await sendSoon();
}

async function snooze(notice: Notice): Promise<void> {
  const body: Schemas['SnoozeWrite'] = { kind: notice.kind, ref: notice.ref ?? null, until: 'hour' };
  await queueRequest(
    { method: 'POST', path: '/api/reminders/snooze', body },
    `snooze:${notice.kind}:${notice.ref ?? ''}`,
  );
  await sendSoon();
}

/** Focus an open Steady window on ``url``, or open one. */
async function openScreen(url: string): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows[0];
  if (open) {
    // Focus is allowed only during a real tap; navigating works either way.
    await open.focus().catch(() => undefined);
    await open.navigate(url).catch(() => undefined);
    return;
  }
  await self.clients.openWindow(url);
}

/** What a tap on the notification (or one of its buttons) does. */
export async function handleNotificationAction(notification: Notification, action: string): Promise<void> {
  const notice = notification.data as Notice;
  notification.close();
  if (action === 'done') await markDone(notice);
  else if (action === 'snooze') await snooze(notice);
  else await openScreen(notice.url);
}

/** The browser replaced this device's subscription: subscribe again and tell the server. */
export async function renewSubscription(
  oldEndpoint: string | undefined,
  fresh: PushSubscription | null,
): Promise<void> {
  const subscription =
    fresh ??
    (await self.registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: await applicationServerKey(),
    }));
  await registerSubscription(subscription, oldEndpoint);
}
