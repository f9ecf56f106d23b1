/**
 * Export from this phone (when signed out, or offline) and import into it: the same file
 * format as the server's /api/export, so a file works in either place.
 */
import { putRecord } from '../../lib/records';
import { type ToolkitDoc, type ToolkitItem, db } from '../../lib/store';
import { COMMITMENTS_PATH, COMPLETIONS_PATH } from '../commitments/data';
import { SESSIONS_PATH } from '../grounding/data';
import { ITEMS_PER_SECTION } from '../toolkit/shape';
import { loadToolkit, saveToolkit } from '../toolkit/store';

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

export const COLLECTIONS = ['checkins', 'commitments', 'completions', 'grounding_sessions', 'toolkit'] as const;
export type Collection = (typeof COLLECTIONS)[number];

export async function exportFromDevice(): Promise<ExportFile> {
  const database = await db();
  const toolkit = await loadToolkit();
  const empty = Object.values(toolkit.doc.sections).every((items) => items.length === 0);
  return {
    format: 'steady-export',
    version: 1,
    exported_at: new Date().toISOString(),
    account: null,
    toolkit: empty && !toolkit.doc.setup_done ? null : toolkit.doc,
    checkins: (await database.getAll('checkins')) as unknown as Record<string, unknown>[],
    commitments: (await database.getAll('commitments')) as unknown as Record<string, unknown>[],
    completions: (await database.getAll('completions')) as unknown as Record<string, unknown>[],
    grounding_sessions: (await database.getAll('grounding_sessions')) as unknown as Record<string, unknown>[],
  };
}

function cell(value: unknown): string {
  const text = Array.isArray(value) ? value.join('; ') : value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One collection of an export as CSV (lists joined with "; "), as the server writes it. */
export function csvFor(file: ExportFile, collection: Collection): string {
  if (collection === 'toolkit') {
    const rows = [['section', 'position', 'text', 'phone', 'exercise']];
    for (const [section, items] of Object.entries(file.toolkit?.sections ?? {})) {
      (items as ToolkitItem[]).forEach((item, index) => rows.push([section, String(index + 1), item.text, item.phone ?? '', item.exercise ?? '']));
    }
    return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
  }
  const records = file[collection];
  const names = ['id', ...new Set(records.flatMap((record) => Object.keys(record)).filter((name) => name !== 'id'))];
  const lines = [names.join(','), ...records.map((record) => names.map((name) => cell(record[name])).join(','))];
  return lines.join('\r\n') + '\r\n';
}

export function isExportFile(value: unknown): value is ExportFile {
  const file = value as Partial<ExportFile> | null;
  return !!file && file.format === 'steady-export' && file.version === 1 && Array.isArray(file.checkins);
}

/** Put an export's records on this phone (and in the outbox, for the account later).
 * Records keep their ids, so importing a file twice changes nothing. */
/** What an import brought: records new to this phone, and ones already here as they were. */
export interface DeviceImport {
  added: number;
  alreadyHere: number;
}

function sameRecord(stored: unknown, incoming: object): boolean {
  if (!stored) return false;
  return Object.entries(incoming).every(([name, value]) => JSON.stringify((stored as Record<string, unknown>)[name]) === JSON.stringify(value));
}

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
    for (const [section, items] of Object.entries(file.toolkit.sections) as [keyof ToolkitDoc['sections'], ToolkitItem[]][]) {
      const fresh = items.filter((item) => !known.has(item.id));
      merged.sections[section] = [...merged.sections[section], ...fresh].slice(0, ITEMS_PER_SECTION);
      added += fresh.length;
      alreadyHere += items.length - fresh.length;
    }
    await saveToolkit({ ...merged, region: doc.region ?? file.toolkit.region, setup_done: doc.setup_done || file.toolkit.setup_done });
  }
  return { added, alreadyHere };
}

