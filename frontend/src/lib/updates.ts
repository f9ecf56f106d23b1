/**
 * Service worker registration and the "Update ready" flow. A new version waits until the
 * person chooses to update, and a page is never reloaded while something is playing.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Workbox } from 'workbox-window';

import { isBusy } from './busy';
import { announce, listen } from './events';

let workbox: Workbox | null = null;
let updateWaiting = false;
let reloadWhenIdle = false;

function reloadSoon(): void {
  if (!isBusy()) {
    window.location.reload();
    return;
  }
  reloadWhenIdle = true;
}

/**
 * Register the worker (loaded after the first render: it is not needed to show anything).
 * In development there is none; Vite serves modules directly.
 */
export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  let controlled = navigator.serviceWorker.controller !== null;
  const { Workbox } = await import('workbox-window');
  workbox = new Workbox('/sw.js', { scope: '/', type: 'classic' });
  workbox.addEventListener('waiting', () => {
    updateWaiting = true;
    announce('update');
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The very first install takes control without a reload; later changes mean a new
    // version is active (accepted here or in another tab), so load it, but not mid-exercise.
    if (controlled) reloadSoon();
    controlled = true;
  });
  listen('busy', () => {
    if (reloadWhenIdle && !isBusy()) window.location.reload();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void workbox?.update();
  });
  void workbox.register();
  // A page that loaded while the worker was still activating is not controlled by it yet;
  // ask the worker to claim it, so it works offline without a reload.
  void navigator.serviceWorker.ready.then((registration) => {
    if (navigator.serviceWorker.controller === null) registration.active?.postMessage({ type: 'CLAIM' });
  });
}

/** The person chose "Update": activate the waiting version (the reload follows). */
export function applyUpdate(): void {
  workbox?.messageSkipWaiting();
}

export function useUpdateReady(): boolean {
  const [ready, setReady] = useState(updateWaiting);
  const [busy, setBusyState] = useState(isBusy());
  useEffect(() => {
    setReady(updateWaiting); // catch up with changes made before this subscribed
    setBusyState(isBusy());
    const stopUpdate = listen('update', () => setReady(updateWaiting));
    const stopBusy = listen('busy', () => setBusyState(isBusy()));
    return () => {
      stopUpdate();
      stopBusy();
    };
  }, []);
  return ready && !busy;
}
