// Renderer build (vite) and unit tests (vitest). Node-side bundles are built by scripts/build.mjs.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // ECharts is one large chunk by nature; the app loads it from disk, not a network.
    chunkSizeWarningLimit: 2000,
    // No inline <script>, no modulepreload polyfill: the CSP allows only our own script files.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  test: {
    root: '.',
    environment: 'node',
    include: ['{core,db,cli,electron,renderer,test,bench}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'dist/**', 'test/e2e/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Property tests run from one printed seed (FC_SEED), so any failure reproduces from the log.
    globalSetup: ['test/support/property-seed.global.ts'],
    setupFiles: ['test/support/property-seed.setup.ts'],
  },
});
