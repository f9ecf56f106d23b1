/**
 * The phone's architecture, checked on every run (testing/walls.ts has the walls): a failure
 * names the file and line, what it imports and which wall that crosses.
 */
import { describe, expect, it } from 'vitest';

import { importEdges, importSpecifiers, readSource, resolveImport, sourceFiles } from './testing/sources';
import { crossings, describeCrossings } from './testing/walls';

describe("the phone's walls", () => {
  it('hold across the source', () => {
    const edges = importEdges();
    expect(edges.length).toBeGreaterThan(300);
    const found = crossings(edges);
    expect(found, `Imports across a wall:\n${describeCrossings(found)}`).toEqual([]);
  });

  it('every feature that others use has a public.ts, and it re-exports only its own feature', () => {
    const edges = importEdges();
    const publics = sourceFiles().filter((file) => /^frontend\/src\/features\/[^/]+\/public\.ts$/.test(file));
    const used = new Set(edges.filter((edge) => edge.to.endsWith('/public.ts')).map((edge) => edge.to));
    expect([...used].filter((file) => !publics.includes(file))).toEqual([]);
    for (const file of publics) {
      const feature = file.slice(0, file.lastIndexOf('/') + 1);
      const elsewhere = edges.filter((edge) => edge.from === file && !edge.to.startsWith(feature));
      expect(elsewhere, `${file} re-exports from outside its feature`).toEqual([]);
    }
  });

  // vite.config.ts treats feature modules as free of side effects, so that what a public.ts
  // re-exports and an importer leaves unused stays out of its chunks: they must stay so.
  it('feature modules run nothing when imported', () => {
    const statements = sourceFiles()
      .filter((file) => file.startsWith('frontend/src/features/') && !file.endsWith('.test.ts'))
      .flatMap((file) =>
        readSource(file)
          .split('\n')
          .flatMap((line, index) =>
            /^(?:await\s|void\s|new\s|import\s*['"]|[A-Za-z_$][\w$]*(?:\.[\w$]+)*\s*\()/.test(line)
              ? [`${file}:${index + 1}: ${line.trim()}`]
              : [],
          ),
      );
    expect(statements, `Top-level statements in feature modules:\n${statements.join('\n')}`).toEqual([]);
  });
});

describe('the checker', () => {
  const edge = (from: string, to: string) => ({ from, to, line: 3 });

  it('catches each kind of crossing, naming file, line, target and wall', () => {
    const made = [
      edge('frontend/src/lib/outbox.ts', 'frontend/src/features/commitments/writes.ts'),
      edge('frontend/src/lib/dates.ts', 'frontend/src/ui/page.tsx'),
      edge('frontend/src/lib/sync.ts', 'frontend/src/app.tsx'),
      edge('frontend/src/lib/crypto/envelope.ts', 'frontend/src/lib/api.ts'),
      edge('frontend/src/lib/crypto/hpke.ts', 'openapi-fetch'),
      edge('frontend/src/lib/crypto/safety.ts', 'frontend/src/shell/Header.tsx'),
      edge('frontend/src/lib/crypto/wrap.ts', 'frontend/src/lib/store.ts'),
      edge('service_worker/sw.ts', 'frontend/src/features/reminders/Reminders.tsx'),
      edge('frontend/src/features/circles/Circle.tsx', 'frontend/src/features/sharing/SignedOut.tsx'),
      edge('frontend/src/features/home/Home.tsx', 'frontend/src/features/shifts/shifts.ts'),
      edge('frontend/src/features/home/Home.tsx', 'frontend/src/lib/outbox.test.ts'),
      edge('frontend/src/lib/outbox.ts', 'fake-indexeddb/auto'),
    ];
    expect(crossings(made).map((found) => found.wall)).toEqual([
      'lib/ imports no feature',
      'lib/ imports no screen',
      'lib/ imports no screen',
      'lib/crypto imports no API module',
      'lib/crypto imports no API module',
      'lib/crypto imports no screen',
      'lib/crypto imports no storage',
      'the service worker imports no screen',
      'features reach sharing only through features/sharing/public.ts',
      'features reach shifts only through features/shifts/public.ts',
      'the app imports no test code',
      'the app imports no test code',
    ]);
    expect(describeCrossings(crossings(made.slice(8, 9)))).toBe(
      'frontend/src/features/circles/Circle.tsx:3 imports frontend/src/features/sharing/SignedOut.tsx: ' +
        'features reach sharing only through features/sharing/public.ts',
    );
  });

  it('lets through what the walls allow', () => {
    const allowed = [
      edge('frontend/src/features/circles/Circle.tsx', 'frontend/src/features/sharing/public.ts'),
      edge('frontend/src/features/circles/Circle.tsx', 'frontend/src/features/circles/keys.ts'),
      edge('frontend/src/features/circles/Circle.tsx', 'frontend/src/lib/api.ts'),
      edge('frontend/src/lib/keyring.ts', 'frontend/src/lib/api.ts'),
      edge('frontend/src/lib/crypto/envelope.ts', 'frontend/src/lib/crypto/hpke.ts'),
      edge('frontend/src/lib/crypto/hpke.ts', '@hpke/core'),
      edge('service_worker/notifications.ts', 'frontend/src/features/commitments/writes.ts'),
      edge('frontend/src/app.tsx', 'frontend/src/features/toolkit/Toolkit.tsx'),
      edge('frontend/src/lib/outbox.test.ts', 'fake-indexeddb/auto'),
    ];
    expect(crossings(allowed)).toEqual([]);
  });
});

describe('reading imports', () => {
  it('finds static, type-only, re-exported, side-effect and lazy imports, over several lines', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      'import {',
      '  c,',
      '  d,',
      "} from './cd';",
      "export { e } from './e';",
      "export * from './f';",
      "import './g.css';",
      "const h = lazy(() => import('./h').then((m) => m.H));",
      "import Worker from './derive.worker?worker';",
      "const text = 'nothing from here';",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual([
      './a',
      '../b',
      './cd',
      './e',
      './f',
      './derive.worker?worker',
      './g.css',
      './h',
    ]);
  });

  it('resolves a specifier to the file it names, or the package', () => {
    expect(resolveImport('frontend/src/features/home/Home.tsx', '../shifts/public')).toBe(
      'frontend/src/features/shifts/public.ts',
    );
    expect(resolveImport('frontend/src/features/home/Home.tsx', '../../ui/page')).toBe('frontend/src/ui/page.tsx');
    expect(resolveImport('frontend/src/lib/api.ts', './api-schema')).toBe('frontend/src/lib/api-schema.d.ts');
    expect(resolveImport('frontend/src/lib/api.ts', 'openapi-fetch')).toBe('openapi-fetch');
  });
});
