/**
 * Change notifications between the parts of the app, other tabs and the service worker.
 * A topic is a store name ("checkins") or "outbox"/"session"; listeners re-read IndexedDB.
 */
type Listener = () => void;

const listeners = new Map<string, Set<Listener>>();
const CHANNEL = 'steady-changes';
let channel: BroadcastChannel | null = null;

function getChannel(): BroadcastChannel | null {
  if (channel === null && typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event: MessageEvent<{ topic?: string }>) => {
      if (typeof event.data?.topic === 'string') notifyLocal(event.data.topic);
    };
  }
  return channel;
}

function notifyLocal(topic: string): void {
  listeners.get(topic)?.forEach((listener) => {
    listener();
  });
}

/** Tell this page, other tabs and the worker that ``topic`` changed. */
export function announce(topic: string): void {
  notifyLocal(topic);
  getChannel()?.postMessage({ topic });
}

/** Run ``listener`` whenever ``topic`` changes; returns the unsubscribe function. */
export function listen(topic: string, listener: Listener): () => void {
  getChannel();
  let set = listeners.get(topic);
  if (!set) {
    set = new Set();
    listeners.set(topic, set);
  }
  set.add(listener);
  return () => set!.delete(listener);
}
