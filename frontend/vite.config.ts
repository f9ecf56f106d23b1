import { fileURLToPath } from 'node:url';

import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

import { manifest } from './manifest';

export default defineConfig({
  // Builds run from the repository root (`npm run build`).
  root: 'frontend',
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // The lazy estimator chunk is larger than Vite's default warning size, on purpose.
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      treeshake: {
        // A feature's modules only declare and export (boundaries.test.ts checks they run nothing on
        // import), so what a feature's public.ts re-exports and an importer leaves unused stays out of
        // the importer's chunks (Rolldown otherwise keeps every imported module for its side effects).
        moduleSideEffects: [{ test: /\/src\/features\/[^/]+\/[^/]+\.tsx?$/, sideEffects: false }],
      },
      output: {
        // The passphrase estimator and its lists load only where a new passphrase is chosen,
        // online; named so the service worker leaves them out of its precache.
        manualChunks: (id: string) =>
          id.includes('@zxcvbn-ts/') || id.endsWith('/estimator.ts') ? 'zxcvbn' : undefined,
      },
    },
  },
  // Argon2id runs in a module Worker (lib/crypto/derive.worker.ts).
  worker: { format: 'es' },
  plugins: [
    preact({
      prerender: {
        enabled: true,
        renderTarget: '#app',
        prerenderScript: fileURLToPath(new URL('./src/prerender.tsx', import.meta.url)),
        additionalPrerenderRoutes: ['/crisis', '/ground', '/shell'],
      },
    }),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: '../service_worker',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: null,
      manifest,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,json}'],
        // The prerender script runs at build time only; pages never load it.
        globIgnores: ['.vite/**', 'assets/prerender-*.js', 'assets/zxcvbn-*.js'],
      },
    }),
  ],
});
