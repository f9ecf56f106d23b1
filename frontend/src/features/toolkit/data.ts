/** The toolkit for pages: a live hook and editing helpers. */
import { useEffect, useState } from 'preact/hooks';

import { listen } from '../../lib/events';
import { newId } from '../../lib/ids';
import type { LocalToolkit, SectionId, ToolkitDoc, ToolkitItem } from '../../lib/store';
import { loadToolkit, saveToolkit } from './store';

export function useToolkit(): LocalToolkit | null {
  const [toolkit, setToolkit] = useState<LocalToolkit | null>(null);
  useEffect(() => {
    const load = () => void loadToolkit().then(setToolkit);
    load();
    return listen('toolkit', load);
  }, []);
  return toolkit;
}

function withSection(doc: ToolkitDoc, section: SectionId, items: ToolkitItem[]): ToolkitDoc {
  return { ...doc, sections: { ...doc.sections, [section]: items } };
}

export async function addItem(section: SectionId, fields: Omit<ToolkitItem, 'id'>): Promise<void> {
  const { doc } = await loadToolkit();
  await saveToolkit(withSection(doc, section, [...doc.sections[section], { id: newId(), ...fields }]));
}

export async function updateItem(section: SectionId, item: ToolkitItem): Promise<void> {
  const { doc } = await loadToolkit();
  await saveToolkit(
    withSection(
      doc,
      section,
      doc.sections[section].map((i) => (i.id === item.id ? item : i)),
    ),
  );
}

export async function removeItem(section: SectionId, id: string): Promise<void> {
  const { doc } = await loadToolkit();
  await saveToolkit(
    withSection(
      doc,
      section,
      doc.sections[section].filter((i) => i.id !== id),
    ),
  );
}

/** Put back an item that was removed, where it was (the "Undo" after removing). */
export async function restoreItem(section: SectionId, item: ToolkitItem, index: number): Promise<void> {
  const { doc } = await loadToolkit();
  const items = doc.sections[section].filter((i) => i.id !== item.id);
  items.splice(Math.min(index, items.length), 0, item);
  await saveToolkit(withSection(doc, section, items));
}

export async function moveItem(section: SectionId, id: string, by: -1 | 1): Promise<void> {
  const { doc } = await loadToolkit();
  const items = [...doc.sections[section]];
  const from = items.findIndex((i) => i.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= items.length) return;
  [items[from], items[to]] = [items[to]!, items[from]!];
  await saveToolkit(withSection(doc, section, items));
}

export async function setRegion(region: string): Promise<void> {
  const { doc } = await loadToolkit();
  await saveToolkit({ ...doc, region });
}

export async function finishSetup(): Promise<void> {
  const { doc } = await loadToolkit();
  if (!doc.setup_done) await saveToolkit({ ...doc, setup_done: true });
}
