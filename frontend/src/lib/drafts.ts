/**
 * Drafts: whatever someone is in the middle of entering, kept on the phone as they type,
 * so leaving the page, a reload, a crash or losing signal never loses a word. A draft is
 * removed only when what it was for is done (saved, sent, finished).
 */
import { useEffect, useRef, useState } from 'preact/hooks';

import { db } from './store';

const WRITE_AFTER_MS = 150;

export async function readDraft<T>(key: string): Promise<T | undefined> {
  const found = await (await db()).get('drafts', key);
  return found?.value as T | undefined;
}

export async function writeDraft(key: string, value: unknown): Promise<void> {
  await (await db()).put('drafts', { key, value, savedAt: new Date().toISOString() });
}

export async function clearDraft(key: string): Promise<void> {
  await (await db()).delete('drafts', key);
}

/**
 * Like ``useState``, but kept in the phone's drafts under ``key``: restored when the page
 * opens again (``ready`` turns true once looked up), written shortly after each change and
 * whenever the page is hidden. ``clear`` forgets it and returns to ``initial``.
 */
export function useDraft<T>(key: string, initial: T): { value: T; set: (next: T) => void; clear: () => Promise<void>; ready: boolean } {
  const [value, setValue] = useState<T>(initial);
  const [ready, setReady] = useState(false);
  const latest = useRef<{ value: T; dirty: boolean }>({ value: initial, dirty: false });
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    let live = true;
    setReady(false);
    void readDraft<T>(key)
      .then((found) => {
        if (!live) return;
        if (found !== undefined && !latest.current.dirty) {
          latest.current = { value: found, dirty: false };
          setValue(found);
        }
      })
      .catch(() => undefined)
      .finally(() => live && setReady(true));
    const flush = () => {
      if (!latest.current.dirty) return;
      latest.current.dirty = false;
      void writeDraft(key, latest.current.value).catch(() => undefined);
    };
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', flush);
    return () => {
      live = false;
      window.clearTimeout(timer.current);
      flush();
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', flush);
    };
  }, [key]);

  const set = (next: T) => {
    latest.current = { value: next, dirty: true };
    setValue(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      latest.current.dirty = false;
      void writeDraft(key, latest.current.value).catch(() => undefined);
    }, WRITE_AFTER_MS);
  };

  const clear = async () => {
    window.clearTimeout(timer.current);
    latest.current = { value: initial, dirty: false };
    setValue(initial);
    await clearDraft(key);
  };

  return { value, set, clear, ready };
}
