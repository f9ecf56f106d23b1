/**
 * The safety plan on this device and how its writes reach the server. Worker-safe (no DOM):
 * the service worker registers the same hooks so Background Sync can merge and send too.
 */
import { announce } from '../../lib/events';
import { newId } from '../../lib/ids';
import { type StoreHooks, commitChange } from '../../lib/outbox';
import { type LocalToolkit, type SectionId, type ToolkitDoc, type ToolkitItem, db } from '../../lib/store';
import { mergeToolkits } from './merge';
import { emptySections } from './shape';

export const TOOLKIT_KEY = 'mine';

/** The server's view of the plan (the fields of ToolkitView that matter here). */
export interface ServerToolkit {
  version: number;
  sections: Partial<Record<SectionId, ToolkitItem[]>>;
  region: string | null;
  setup_done: boolean;
}

export function emptyDoc(): ToolkitDoc {
  return { sections: emptySections(), region: null, setup_done: false };
}

export function docOf(view: ServerToolkit): ToolkitDoc {
  return { sections: { ...emptySections(), ...view.sections }, region: view.region, setup_done: view.setup_done };
}

export async function loadToolkit(): Promise<LocalToolkit> {
  return (
    (await (await db()).get('toolkit', TOOLKIT_KEY)) ?? { key: TOOLKIT_KEY, doc: emptyDoc(), version: 0, base: null }
  );
}

async function storeToolkit(local: LocalToolkit): Promise<void> {
  await (await db()).put('toolkit', local);
  announce('toolkit');
}

/** Save the plan on this phone at once, and queue it for the account (if any). */
export async function saveToolkit(doc: ToolkitDoc): Promise<void> {
  const current = await loadToolkit();
  await commitChange({ method: 'PUT', path: '/api/toolkit', store: 'toolkit', key: TOOLKIT_KEY }, async (tx) => {
    await tx.put({ ...current, doc });
  });
}

function writeBody(changeId: string, version: number, doc: ToolkitDoc): unknown {
  return { change_id: changeId, base_version: version, ...doc };
}

export const toolkitHooks: StoreHooks = {
  // The body is built when sending: the freshest plan, against the version last in step.
  // The op's id is the change id, so a write whose answer was lost replays as a no-op.
  async prepare(op) {
    const local = await loadToolkit();
    return writeBody(op.opId, local.version, local.doc);
  },
  async delivered(_op, answer) {
    const saved = answer as ServerToolkit;
    const local = await loadToolkit();
    await storeToolkit({ ...local, version: saved.version, base: docOf(saved) });
  },
  async conflict(_op, answer) {
    const { current } = answer as { current: ServerToolkit };
    const local = await loadToolkit();
    const theirs = docOf(current);
    const merged = mergeToolkits(local.base, local.doc, theirs);
    await storeToolkit({ key: TOOLKIT_KEY, doc: merged, version: current.version, base: theirs });
    return writeBody(newId(), current.version, merged);
  },
};

/** Take the server's plan when it is newer and nothing here is waiting to be sent. */
export async function adoptServerToolkit(view: ServerToolkit, waiting: boolean): Promise<void> {
  const local = await loadToolkit();
  if (waiting || view.version === local.version) return;
  await storeToolkit({ key: TOOLKIT_KEY, doc: docOf(view), version: view.version, base: docOf(view) });
}
