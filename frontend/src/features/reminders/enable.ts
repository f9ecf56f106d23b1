/** Turning reminders on for this phone: only when the person asks, never on first load. */
import { csrfToken } from '../../lib/outbox';
import { applicationServerKey, registerSubscription } from './push';

export type PushSupport = 'ready' | 'needs-home-screen' | 'unsupported' | 'blocked';

function isIos(): boolean {
  return /iPad|iPhone|iPod/.test(navigator.userAgent) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
}

function isInstalled(): boolean {
  const standalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return standalone || window.matchMedia('(display-mode: standalone)').matches;
}

/** Whether this phone can get reminders, and if not, why (iPhone: only from the Home Screen). */
export function pushSupport(): PushSupport {
  if (isIos() && !isInstalled()) return 'needs-home-screen';
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  return 'ready';
}

/** Whether this phone is already subscribed. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (pushSupport() !== 'ready') return null;
  const registration = await navigator.serviceWorker.ready;
  return registration.pushManager.getSubscription();
}

export type TurnOnResult = 'on' | 'declined' | 'failed';

/** Ask for permission (now, because the person tapped), subscribe, and tell the server. */
export async function turnOnReminders(): Promise<TurnOnResult> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return 'declined';
  try {
    const registration = await navigator.serviceWorker.ready;
    const subscription =
      (await registration.pushManager.getSubscription()) ??
      (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: await applicationServerKey() }));
    return (await registerSubscription(subscription, await csrfToken())) ? 'on' : 'failed';
  } catch {
    return 'failed';
  }
}
