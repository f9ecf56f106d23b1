/**
 * Export from this phone (when signed out, or offline) and import into it: the same file
 * format as the server's /api/export, so a file works in either place.
 */
import { IMPORT_MAX, ITEMS_PER_SECTION } from '../../lib/api-limits';
import { putRecord } from '../../lib/records';
import { type ToolkitDoc, type ToolkitItem, db } from '../../lib/store';
import { COMMITMENTS_PATH, COMPLETIONS_PATH } from '../commitments/public';
import { SESSIONS_PATH } from '../grounding/public';
import { loadToolkit, saveToolkit } from '../toolkit/public';
import { nowIso } from '../../lib/clock';

export interface ExportFile {
  format: 'steady-export';
  version: 1;
  exported_at: string;
  account: { username: string; time_zone: string } | null;
  toolkit: ToolkitDoc | null;
  checkins: Record<string, unknown>[];
  commitments: Record<string, unknown>[];
  completions: Record<string, unknown>[];
  grounding_sessions: Record<string, unknown>[];
}

export async function exportFromDevice(): Promise<ExportFile> {
  const database = await db();
  const toolkit = await loadToolkit();
  const empty = Object.values(toolkit.doc.sections).every((items) => items.length === 0);
  return {
    format: 'steady-export',
    version: 1,
    exported_at: nowIso(),
    account: null,
    toolkit: empty && !toolkit.doc.setup_done ? null : toolkit.doc,
    checkins: (await database.getAll('checkins')) as unknown as Record<string, unknown>[],
    commitments: (await database.getAll('commitments')) as unknown as Record<string, unknown>[],
    completions: (await database.getAll('completions')) as unknown as Record<string, unknown>[],
    grounding_sessions: (await database.getAll('grounding_sessions')) as unknown as Record<string, unknown>[],
  };
}

export function isExportFile(value: unknown): value is ExportFile {
  const file = value as Partial<ExportFile> | null;
  if (file?.format !== 'steady-export' || file.version !== 1) return false;
  return [file.checkins, file.commitments, file.completions, file.grounding_sessions].every(Array.isArray);
}

const KINDS: Record<keyof typeof IMPORT_MAX, string> = {
  checkins: 'check-ins',
  commitments: 'commitments',
  completions: 'kept commitments',
  grounding_sessions: 'grounding sessions',
};

/** Why a file is more than one import takes (the server's own caps), or null if it fits. */
export function overImportLimits(file: ExportFile): string | null {
  for (const [kind, cap] of Object.entries(IMPORT_MAX) as [keyof typeof IMPORT_MAX, number][]) {
    if (file[kind].length > cap) {
      return `That file holds ${file[kind].length.toLocaleString()} ${KINDS[kind]}; one import takes at most ${cap.toLocaleString()}. Nothing was imported.`;
    }
  }
  return null;
}

/** What an import brought: records new to this phone, and ones already here as they were. */
export interface DeviceImport {
  added: number;
  alreadyHere: number;
}

function sameRecord(stored: unknown, incoming: object): boolean {
  if (!stored) return false;
  return Object.entries(incoming).every(
    ([name, value]) => JSON.stringify((stored as Record<string, unknown>)[name]) === JSON.stringify(value),
  );
}

/** Put an export's records on this phone (and in the outbox, for the account later).
 * Records keep their ids, so importing a file twice changes nothing. */
export async function importToDevice(file: ExportFile): Promise<DeviceImport> {
  let added = 0;
  let alreadyHere = 0;
  const database = await db();
  for (const [store, path, records] of [
    ['commitments', COMMITMENTS_PATH, file.commitments],
    ['checkins', '/api/checkins', file.checkins],
    ['completions', COMPLETIONS_PATH, file.completions],
    ['grounding_sessions', SESSIONS_PATH, file.grounding_sessions],
  ] as const) {
    for (const record of records) {
      const stored = await database.get(store, (record as { id: string }).id);
      if (sameRecord(stored, record)) {
        alreadyHere += 1;
        continue;
      }
      await putRecord(store, path, record as { id: string });
      added += 1;
    }
  }
  if (file.toolkit) {
    const { doc } = await loadToolkit();
    const known = new Set(Object.values(doc.sections).flatMap((items) => items.map((item) => item.id)));
    const merged = { ...doc, sections: { ...doc.sections } };
    for (const [section, items] of Object.entries(file.toolkit.sections) as [
      keyof ToolkitDoc['sections'],
      ToolkitItem[],
    ][]) {
      const fresh = items.filter((item) => !known.has(item.id));
      merged.sections[section] = [...merged.sections[section], ...fresh].slice(0, ITEMS_PER_SECTION);
      added += fresh.length;
      alreadyHere += items.length - fresh.length;
    }
    await saveToolkit({
      ...merged,
      region: doc.region ?? file.toolkit.region,
      setup_done: doc.setup_done || file.toolkit.setup_done,
    });
  }
  return { added, alreadyHere };
}
