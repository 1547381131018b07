// `npm run bench:ui`: how long users wait in the real renderer (Chromium) against the real
// browser-mode host — medians printed, never asserted. See bench/ui/compliance.bench.ts.
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '**/*.bench.ts',
  timeout: 30 * 60_000,
  workers: 1,
  outputDir: '../../test-results/bench-ui',
});
