/**
 * Drafts: whatever someone is in the middle of entering, kept on the phone as they type,
 * so leaving the page, a reload, a crash or losing signal never loses a word. A draft is
 * removed only when what it was for is done (saved, sent, finished).
 */
import { useEffect, useRef, useState } from 'preact/hooks';

import { db } from './store';
import { nowIso } from './clock';

export async function readDraft<T>(key: string): Promise<T | undefined> {
  const found = await (await db()).get('drafts', key);
  return found?.value as T | undefined;
}

export async function writeDraft(key: string, value: unknown): Promise<void> {
  await (await db()).put('drafts', { key, value, savedAt: nowIso() });
}

export async function clearDraft(key: string): Promise<void> {
  await (await db()).delete('drafts', key);
}

/**
 * Like ``useState``, but kept in the phone's drafts under ``key``: restored when the page
 * opens again (``ready`` turns true once looked up) and written at each change (IndexedDB
 * keeps writes in order, and a write is cheap next to losing a word to a reload).
 * ``clear`` forgets it and returns to ``initial``.
 */
export function useDraft<T>(
  key: string,
  initial: T,
): { value: T; set: (next: T) => void; clear: () => Promise<void>; ready: boolean } {
  const [value, setValue] = useState<T>(initial);
  const [ready, setReady] = useState(false);
  const changed = useRef(false);

  useEffect(() => {
    let live = true;
    setReady(false);
    changed.current = false;
    void readDraft<T>(key)
      .then((found) => {
        // Something typed before the lookup finished wins over what was kept.
        if (live && found !== undefined && !changed.current) setValue(found);
      })
      .catch(() => undefined)
      .finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [key]);

  const set = (next: T) => {
    changed.current = true;
    setValue(next);
    void writeDraft(key, next).catch(() => undefined);
  };

  const clear = async () => {
    changed.current = true;
    setValue(initial);
    await clearDraft(key);
  };

  return { value, set, clear, ready };
}
