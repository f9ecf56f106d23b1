/**
 * Unit tests of the phone's pure modules (`make unit-ts`): colocated `*.test.ts` files, run in
 * Node, where WebCrypto is `globalThis.crypto`. Nothing here touches the production build, which
 * bundles only what the app's entries import.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['frontend/src/**/*.test.ts', 'service_worker/**/*.test.ts'],
    environment: 'node',
    // A test that depends on today's date is a bug: every test passes its own moment.
    restoreMocks: true,
  },
});
