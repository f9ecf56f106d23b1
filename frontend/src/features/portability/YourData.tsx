/** Your data is yours: download everything (JSON, or CSV per kind), and bring a file back. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';

import { api } from '../../lib/api';
import { useSession } from '../../lib/session';
import { syncNow } from '../../lib/sync';
import { Page } from '../../ui/page';
import { COLLECTIONS, type Collection, csvFor, exportFromDevice, importToDevice, isExportFile } from './local';

const NAMES: Record<Collection, string> = {
  checkins: 'Check-ins',
  commitments: 'Commitments',
  completions: 'Kept commitments',
  grounding_sessions: 'Grounding sessions',
  toolkit: 'Crisis toolkit',
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

const stamp = () => new Date().toISOString().slice(0, 10);

export function YourData(): JSX.Element {
  const session = useSession();
  const fromAccount = session.status === 'signed_in' && navigator.onLine;
  const [message, setMessage] = useState('');

  async function exportJson(): Promise<void> {
    if (fromAccount) {
      const response = await fetch('/api/export', { credentials: 'same-origin', cache: 'no-store' });
      if (response.ok) return download(`steady-export-${stamp()}.json`, 'application/json', await response.text());
    }
    download(`steady-export-${stamp()}.json`, 'application/json', JSON.stringify(await exportFromDevice(), null, 2));
  }

  async function exportCsv(collection: Collection): Promise<void> {
    if (fromAccount) {
      const response = await fetch(`/api/export/csv/${collection}`, { credentials: 'same-origin', cache: 'no-store' });
      if (response.ok) return download(`steady-${collection}-${stamp()}.csv`, 'text/csv', await response.text());
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
    if (session.status === 'signed_in') {
      if (!navigator.onLine) {
        setMessage('Importing into your account needs a connection. Try again when you have signal.');
        return;
      }
      const { data, error } = await api.POST('/api/import', { body: parsed as never });
      if (!data) {
        setMessage(`Nothing was imported: ${(error as { detail?: string } | undefined)?.detail ?? 'the file could not be read'}.`);
        return;
      }
      await syncNow();
      const added = data.checkins + data.commitments + data.completions + data.grounding_sessions + data.toolkit_items;
      setMessage(`Imported ${added} ${added === 1 ? 'item' : 'items'} into your account.${data.archived_commitments ? ` ${data.archived_commitments} commitments came in archived (you already had the most Steady keeps active).` : ''}`);
      return;
    }
    const count = await importToDevice(parsed);
    setMessage(`Imported ${count} ${count === 1 ? 'item' : 'items'} onto this phone.`);
  }

  return (
    <Page title="Your data">
      <p>
        Everything Steady holds for you, {fromAccount ? 'from your account' : 'from this phone'}. Take it anywhere; bring it back any
        time. Importing the same file twice never duplicates anything.
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
            <button key={collection} type="button" class="secondary" onClick={() => void exportCsv(collection)} data-testid={`export-csv-${collection}`}>
              {NAMES[collection]} (CSV)
            </button>
          ))}
        </div>
      </section>
      <section class="card" aria-labelledby="import-heading">
        <h2 id="import-heading">Import a Steady export</h2>
        <label for="import-file">Choose a .json file you downloaded from Steady</label>
        <input id="import-file" type="file" accept="application/json,.json" onChange={(e) => { const file = e.currentTarget.files?.[0]; if (file) void importFile(file); }} data-testid="import-file" />
      </section>
      <p role="status" data-testid="data-message">
        {message}
      </p>
    </Page>
  );
}
