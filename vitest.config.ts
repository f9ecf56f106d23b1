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
    // Spies put back after each test. No test reads today's date: each passes its own moment.
    restoreMocks: true,
  },
});
