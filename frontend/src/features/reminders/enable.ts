/** Turning reminders on for this phone: only when the person asks, never on first load. */
import { applicationServerKey, registerSubscription } from './push';

export type PushSupport = 'ready' | 'needs-home-screen' | 'unsupported' | 'blocked';

function isIos(): boolean {
  return (
    /iPad|iPhone|iPod/.test(navigator.userAgent) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1)
  );
}

function isInstalled(): boolean {
  const standalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return standalone || window.matchMedia('(display-mode: standalone)').matches;
}

/** Whether this phone can get reminders, and if not, why (iPhone: only from the Home Screen). */
export function pushSupport(): PushSupport {
  if (isIos() && !isInstalled()) return 'needs-home-screen';
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window))
    return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  return 'ready';
}

/** Whether this phone is already subscribed. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (pushSupport() !== 'ready') return null;
  const registration = await navigator.serviceWorker.ready;
  return registration.pushManager.getSubscription();
}

export interface TurnOnResult {
  on: boolean;
  /** What to tell the person: what happened, and what to try if it didn't work. */
  message: string;
}

/** Seconds a try may take before the person is told it isn't working. */
const TURN_ON_SECONDS = 10;

class TookTooLong extends Error {}

function withinTime<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => window.setTimeout(() => reject(new TookTooLong()), TURN_ON_SECONDS * 1000)),
  ]);
}

/** Ask for permission (now, because the person tapped), subscribe, and tell the server. */
export async function turnOnReminders(): Promise<TurnOnResult> {
  const permission = await Notification.requestPermission();
  if (permission === 'denied') {
    return {
      on: false,
      message:
        "Notifications are blocked for Steady in this browser. Allow them in the site's settings, then tap the button again.",
    };
  }
  if (permission !== 'granted') return { on: false, message: "No problem. Steady won't send anything to this phone." };
  let subscription: PushSubscription;
  try {
    subscription = await withinTime(
      (async () => {
        const registration = await navigator.serviceWorker.ready;
        const existing = await registration.pushManager.getSubscription();
        return (
          existing ??
          (await registration.pushManager.subscribe({
            userVisibleOnly: true,
            applicationServerKey: await applicationServerKey(),
          }))
        );
      })(),
    );
  } catch (error) {
    if (error instanceof TookTooLong) {
      return { on: false, message: 'This is taking too long. Check your connection, then tap the button again.' };
    }
    return {
      on: false,
      message:
        "This browser couldn't reach its push service, so reminders can't come to it. Check your connection and try again, or try another browser.",
    };
  }
  try {
    const refusal = await withinTime(registerSubscription(subscription));
    return refusal === null
      ? { on: true, message: 'Reminders are on for this phone.' }
      : { on: false, message: refusal };
  } catch {
    return {
      on: false,
      message: "Steady couldn't reach the server to finish turning reminders on. Check your connection and try again.",
    };
  }
}
