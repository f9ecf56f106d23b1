/// <reference lib="webworker" />
/**
 * Steady's service worker: the app shell precached at install (so it opens with no
 * network after one visit), navigations answered from that cache, the API never cached,
 * the outbox flushed by Background Sync when the network returns, and reminders shown
 * and acted on (notifications.ts).
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

import { toolkitHooks } from '../frontend/src/features/toolkit/store';
import { SYNC_TAG, flushOutbox, registerStoreHooks } from '../frontend/src/lib/outbox';
import { type Notice, handleNotificationAction, renewSubscription, showNotice } from './notifications';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

interface SubscriptionChangeEvent extends ExtendableEvent {
  readonly oldSubscription: PushSubscription | null;
  readonly newSubscription: PushSubscription | null;
}

// The toolkit is one versioned document: the worker merges conflicts just as the page does.
registerStoreHooks('toolkit', toolkitHooks);

// Prerendered pages (/, /crisis, /ground) open as themselves; query strings never matter
// for precached files (their names carry content hashes).
precacheAndRoute(self.__WB_MANIFEST, {
  ignoreURLParametersMatching: [/.*/],
  urlManipulation: ({ url }) => [new URL(`${url.pathname.replace(/\/$/, '')}/index.html`, url.origin)],
});
cleanupOutdatedCaches();

// Every other app route opens from the precached frame; the API is never answered here.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/shell/index.html'), {
    denylist: [/^\/api\//, /^\/schema/, /^\/healthz/],
  }),
);

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const type = (event.data as { type?: string } | null)?.type;
  // A new version waits for the person to choose "Update" (never mid-exercise).
  if (type === 'SKIP_WAITING') void self.skipWaiting();
  // A page that loaded while this worker was activating asks to be taken under control.
  if (type === 'CLAIM') event.waitUntil(self.clients.claim());
  // The same path as a tap on a notification's button (automated tests have no lock screen).
  if (type === 'NOTIFICATION_ACTION') {
    const { tag, action } = event.data as { tag: string; action: string };
    event.waitUntil(
      self.registration
        .getNotifications({ tag })
        .then((shown) => Promise.all(shown.map((n) => handleNotificationAction(n, action)))),
    );
  }
});

self.addEventListener('push', (event) => {
  const notice = event.data?.json() as Notice | undefined;
  if (notice) event.waitUntil(showNotice(notice));
});

self.addEventListener('notificationclick', (event) => {
  event.waitUntil(handleNotificationAction(event.notification, event.action));
});

self.addEventListener('pushsubscriptionchange', (event) => {
  const change = event as SubscriptionChangeEvent;
  change.waitUntil(renewSubscription(change.oldSubscription?.endpoint, change.newSubscription));
});

// On the very first install, take control at once so the page works offline right away.
clientsClaim();

self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== SYNC_TAG) return;
  sync.waitUntil(
    flushOutbox().then((outcome) => {
      // Rejecting asks the browser to try again later, with its own backoff.
      if (outcome.state === 'offline' || outcome.state === 'retry') throw new Error(outcome.state);
    }),
  );
});
