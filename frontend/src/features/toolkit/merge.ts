/**
 * Merging two edits of the safety plan by item id, so two phones editing offline never
 * silently lose an item. ``base`` is the plan both started from (null when this phone
 * never synced). Each side's new items are kept; an item deleted on one side and edited on
 * the other is kept; an item edited on both keeps this phone's edit.
 */
import type { SectionId, ToolkitDoc, ToolkitItem } from '../../lib/store';
import { ITEMS_PER_SECTION } from '../../lib/api-limits';

function same(a: ToolkitItem, b: ToolkitItem | undefined): boolean {
  return (
    !!b && a.text === b.text && (a.phone ?? null) === (b.phone ?? null) && (a.exercise ?? null) === (b.exercise ?? null)
  );
}

export function mergeItems(base: ToolkitItem[], local: ToolkitItem[], remote: ToolkitItem[]): ToolkitItem[] {
  const baseById = new Map(base.map((item) => [item.id, item]));
  const localById = new Map(local.map((item) => [item.id, item]));
  const remoteById = new Map(remote.map((item) => [item.id, item]));
  const result: ToolkitItem[] = [];

  for (const item of local) {
    const original = baseById.get(item.id);
    const theirs = remoteById.get(item.id);
    if (!original)
      result.push(item); // new here
    else if (!theirs) {
      if (!same(item, original)) result.push(item); // deleted there, but edited here: keep
    } else result.push(same(item, original) ? theirs : item);
  }

  remote.forEach((item, index) => {
    if (localById.has(item.id)) return;
    const original = baseById.get(item.id);
    const newThere = !original;
    const editedThereAfterOurDelete = original && !same(item, original);
    if (!newThere && !editedThereAfterOurDelete) return; // we deleted it and they left it alone
    // Keep their order: place it after the item that precedes it on their side.
    const before = remote
      .slice(0, index)
      .reverse()
      .find((candidate) => result.some((r) => r.id === candidate.id));
    const at = before ? result.findIndex((r) => r.id === before.id) + 1 : 0;
    result.splice(at, 0, item);
  });

  return result.slice(0, ITEMS_PER_SECTION);
}

export function mergeToolkits(base: ToolkitDoc | null, local: ToolkitDoc, remote: ToolkitDoc): ToolkitDoc {
  const sections = {} as Record<SectionId, ToolkitItem[]>;
  for (const id of Object.keys(local.sections) as SectionId[]) {
    sections[id] = mergeItems(base?.sections[id] ?? [], local.sections[id] ?? [], remote.sections[id] ?? []);
  }
  return {
    sections,
    region: local.region !== (base?.region ?? null) ? local.region : remote.region,
    setup_done: local.setup_done || remote.setup_done,
  };
}
