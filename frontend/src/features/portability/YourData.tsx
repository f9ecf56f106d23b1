/** Your data is yours: download everything (JSON, or CSV per kind), and bring a file back. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';

import { api, describeError } from '../../lib/api';
import { useSession } from '../../lib/session';
import { syncNow } from '../../lib/sync';
import { Page } from '../../ui/page';
import { COLLECTIONS, type Collection, csvFor } from './csv';
import { exportFromDevice, importToDevice, isExportFile, overImportLimits } from './local';
import { nowIso } from '../../lib/clock';

const NAMES: Record<Collection, string> = {
  checkins: 'Check-ins',
  commitments: 'Commitments',
  completions: 'Kept commitments',
  grounding_sessions: 'Grounding sessions',
  toolkit: 'Safety plan',
};

function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const stamp = () => nowIso().slice(0, 10);

function items(count: number): string {
  return `${count} ${count === 1 ? 'item' : 'items'}`;
}

/** What an import did, in words: what was new, what changed, what was already here. */
function importReport(added: number, updated: number, alreadyHere: number, where: string, archived: number): string {
  if (added === 0 && updated === 0) {
    if (alreadyHere === 1) return 'Nothing new: the one item in that file was already here.';
    return alreadyHere
      ? `Nothing new: all ${items(alreadyHere)} in that file were already here.`
      : 'That file had nothing to import.';
  }
  const parts = [`Added ${items(added)} ${where}.`];
  if (updated) parts.push(`Updated ${items(updated)}.`);
  if (alreadyHere) parts.push(`${items(alreadyHere)} ${alreadyHere === 1 ? 'was' : 'were'} already here.`);
  if (archived) parts.push(`${archived} commitments came in archived (you already had the most Steady keeps active).`);
  return parts.join(' ');
}

export function YourData(): JSX.Element {
  const session = useSession();
  const fromAccount = session.status === 'signed_in' && navigator.onLine;
  const [message, setMessage] = useState('');

  // From the account when it can be reached; otherwise (signed out, offline, no answer)
  // from this phone, in the same format.
  async function exportJson(): Promise<void> {
    if (fromAccount) {
      const { data } = await api.GET('/api/export', { parseAs: 'text' }).catch(() => ({ data: undefined }));
      if (data) return download(`steady-export-${stamp()}.json`, 'application/json', data);
    }
    download(`steady-export-${stamp()}.json`, 'application/json', JSON.stringify(await exportFromDevice(), null, 2));
  }

  async function exportCsv(collection: Collection): Promise<void> {
    if (fromAccount) {
      const { data } = await api
        .GET('/api/export/csv/{collection}', { params: { path: { collection } }, parseAs: 'text' })
        .catch(() => ({ data: undefined }));
      if (data) return download(`steady-${collection}-${stamp()}.csv`, 'text/csv', data);
    }
    download(`steady-${collection}-${stamp()}.csv`, 'text/csv', csvFor(await exportFromDevice(), collection));
  }

  async function importFile(file: File): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setMessage("That file isn't a Steady export (it isn't JSON).");
      return;
    }
    if (!isExportFile(parsed)) {
      setMessage("That file isn't a Steady export.");
      return;
    }
    const tooBig = overImportLimits(parsed);
    if (tooBig) {
      setMessage(tooBig);
      return;
    }
    if (session.status === 'signed_in') {
      if (!navigator.onLine) {
        setMessage('Importing into your account needs a connection. Try again when you have signal.');
        return;
      }
      const answer = await api.POST('/api/import', { body: parsed as never }).catch(() => null);
      if (!answer) {
        setMessage('Importing into your account needs a connection. Try again when you have signal.');
        return;
      }
      if (!answer.data) {
        setMessage(`Nothing was imported. ${describeError(answer.error)}`);
        return;
      }
      await syncNow();
      const { added, updated, unchanged, archived_commitments: archived } = answer.data;
      const count = (counts: typeof added) => Object.values(counts).reduce((sum, n) => sum + n, 0);
      setMessage(importReport(count(added), count(updated), unchanged, 'into your account', archived));
      return;
    }
    const result = await importToDevice(parsed);
    setMessage(importReport(result.added, 0, result.alreadyHere, 'onto this phone', 0));
  }

  return (
    <Page title="Your data">
      <p>
        Everything Steady holds for you, {fromAccount ? 'from your account' : 'from this phone'}. Take it anywhere;
        bring it back any time. Importing the same file twice never duplicates anything.
      </p>
      <section class="card" aria-labelledby="download-heading">
        <h2 id="download-heading">Download</h2>
        <div class="button-row">
          <button type="button" onClick={() => void exportJson()} data-testid="export-json">
            Everything (JSON)
          </button>
        </div>
        <div class="button-row">
          {COLLECTIONS.map((collection) => (
            <button
              key={collection}
              type="button"
              class="secondary"
              onClick={() => void exportCsv(collection)}
              data-testid={`export-csv-${collection}`}
            >
              {NAMES[collection]} (CSV)
            </button>
          ))}
        </div>
      </section>
      <section class="card" aria-labelledby="import-heading">
        <h2 id="import-heading">Import a Steady export</h2>
        <label for="import-file">Choose a .json file you downloaded from Steady</label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void importFile(file);
          }}
          data-testid="import-file"
        />
      </section>
      <p role="status" data-testid="data-message">
        {message}
      </p>
    </Page>
  );
}
