/**
 * One collection of an export as CSV, byte for byte what the server's
 * /api/export/csv/<collection> writes for the same data (a test holds both to it), so a
 * file downloaded from the phone offline reads the same as one from the account:
 * columns as the OpenAPI document lists them (id first, then by name), values as they
 * are in the JSON export (true/false, ISO times), lists joined with "; ", CRLF line
 * ends, and quotes only around cells holding a comma, a quote or a line break.
 */
import { CSV_COLUMNS } from '../../lib/api-limits';
import { emptySections } from '../toolkit/public';

export const COLLECTIONS = ['checkins', 'commitments', 'completions', 'grounding_sessions', 'toolkit'] as const;
export type Collection = (typeof COLLECTIONS)[number];

const TOOLKIT_COLUMNS = ['section', 'position', 'text', 'phone', 'exercise'];

interface PlanItem {
  text: string;
  phone?: string | null;
  exercise?: string | null;
}

/** The parts of an export file (from the server or this phone) that CSV shows. */
export interface CsvSource {
  toolkit: { sections: Partial<Record<string, PlanItem[]>> } | null;
  checkins: Record<string, unknown>[];
  commitments: Record<string, unknown>[];
  completions: Record<string, unknown>[];
  grounding_sessions: Record<string, unknown>[];
}

function text(value: unknown): string {
  if (Array.isArray(value)) return value.map(text).join('; ');
  return value === null || value === undefined ? '' : String(value);
}

function cell(value: unknown): string {
  const plain = text(value);
  return /[",\r\n]/.test(plain) ? `"${plain.replace(/"/g, '""')}"` : plain;
}

function lines(rows: unknown[][]): string {
  return rows.map((row) => `${row.map(cell).join(',')}\r\n`).join('');
}

export function csvFor(file: CsvSource, collection: Collection): string {
  if (collection === 'toolkit') {
    const rows: unknown[][] = [TOOLKIT_COLUMNS];
    for (const section of Object.keys(emptySections())) {
      (file.toolkit?.sections[section] ?? []).forEach((item, index) => {
        rows.push([section, index + 1, item.text, item.phone, item.exercise]);
      });
    }
    return lines(rows);
  }
  const columns = CSV_COLUMNS[collection];
  return lines([[...columns], ...file[collection].map((record) => columns.map((name) => record[name]))]);
}
