/** Start-up (loaded by boot.ts): render from local data, then check the session and sync. */
import { render } from 'preact';

import { App } from './app';
import { toolkitHooks } from './features/toolkit/store';
import { registerStoreHooks } from './lib/outbox';
import { loadCachedSession, refreshSession } from './lib/session';
import { registerPuller, startSync, syncNow } from './lib/sync';
import { registerServiceWorker } from './lib/updates';

registerStoreHooks('toolkit', toolkitHooks);
// Pullers load their feature's code (and the typed API client) only when a sync runs.
registerPuller(() => import('./features/toolkit/pull').then((m) => m.pullToolkit()));
registerPuller(() => import('./features/grounding/pull').then((m) => m.pullGroundingSessions()));
registerPuller(() => import('./features/checkins/data').then((m) => m.pullCheckins()));
registerPuller(() => import('./features/commitments/pull').then((m) => m.pullCommitments()));
registerPuller(() => import('./features/shifts/pull').then((m) => m.pullShifts()));

render(<App />, document.getElementById('app')!);
// Tests (and curious people) can tell the prerendered page has come alive.
document.documentElement.dataset.app = 'ready';

startSync();
void registerServiceWorker();
void loadCachedSession().then(async () => {
  await refreshSession();
  await syncNow();
});
