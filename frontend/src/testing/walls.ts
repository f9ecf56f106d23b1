/**
 * The walls between the phone's parts, as a pure check over import edges (boundaries.test.ts
 * runs it on the real source; its own tests run it on made-up edges):
 * - lib/ is below everything: it imports no feature and no screen (shell/, ui/, the app's entries);
 * - lib/crypto/ is pure crypto: no screen, no API client or schema, no IndexedDB;
 * - the service worker imports no screen (.tsx);
 * - features reach each other only through the other feature's public.ts;
 * - the app never imports test code.
 */
import type { ImportEdge } from './sources';

const SRC = 'frontend/src/';
const ENTRIES = ['app.tsx', 'main.tsx', 'boot.ts', 'prerender.tsx'].map((file) => SRC + file);
const API_MODULES = [`${SRC}lib/api.ts`, `${SRC}lib/api-schema.d.ts`, `${SRC}lib/api-limits.ts`, 'openapi-fetch'];
const STORAGE_MODULES = [`${SRC}lib/store.ts`, 'idb'];
const TEST_PACKAGES = ['vitest', 'fake-indexeddb', 'fake-indexeddb/auto'];

export interface Crossing {
  edge: ImportEdge;
  wall: string;
}

const featureOf = (path: string): string | null => path.match(/^frontend\/src\/features\/([^/]+)\//)?.[1] ?? null;
const isScreen = (path: string) => path.endsWith('.tsx');
const isTestCode = (path: string) => path.endsWith('.test.ts') || path.startsWith(`${SRC}testing/`);

/** The wall ``edge`` crosses, if any. */
export function wallCrossed({ from, to }: ImportEdge): string | null {
  if (!isTestCode(from) && (isTestCode(to) || TEST_PACKAGES.includes(to))) {
    return 'the app imports no test code';
  }
  if (from.startsWith(`${SRC}lib/crypto/`)) {
    if (isScreen(to)) return 'lib/crypto imports no screen';
    if (API_MODULES.includes(to)) return 'lib/crypto imports no API module';
    if (STORAGE_MODULES.includes(to)) return 'lib/crypto imports no storage';
  }
  if (from.startsWith(`${SRC}lib/`) && !isTestCode(from)) {
    if (featureOf(to)) return 'lib/ imports no feature';
    if (to.startsWith(`${SRC}shell/`) || to.startsWith(`${SRC}ui/`) || ENTRIES.includes(to)) {
      return 'lib/ imports no screen';
    }
  }
  if (from.startsWith('service_worker/') && isScreen(to)) return 'the service worker imports no screen';
  const importer = featureOf(from);
  const imported = featureOf(to);
  if (importer && imported && importer !== imported && to !== `${SRC}features/${imported}/public.ts`) {
    return `features reach ${imported} only through features/${imported}/public.ts`;
  }
  return null;
}

/** Every edge that crosses a wall. */
export function crossings(edges: ImportEdge[]): Crossing[] {
  return edges.flatMap((edge) => {
    const wall = wallCrossed(edge);
    return wall ? [{ edge, wall }] : [];
  });
}

/** "file:line imports target: wall", one a line, for a failure message. */
export function describeCrossings(found: Crossing[]): string {
  return found.map(({ edge, wall }) => `${edge.from}:${edge.line} imports ${edge.to}: ${wall}`).join('\n');
}
