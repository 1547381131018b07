// Builds everything the app runs from:
//   dist/renderer/        the React renderer (both hosts serve exactly these files)
//   dist/node/web-main.js the browser-mode host (engine + web server) for `npm start` without Electron
//   dist/electron/        main.js, preload.cjs (sandboxed preloads must be CommonJS), engine.js
// Node bundles keep node_modules external (better-sqlite3 is native) and carry the SQL migrations
// beside them, where db/migrate.ts looks for them, and the region list where db/data/region-list.ts does.
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const quiet = process.argv.includes('--quiet');
const logLevel = quiet ? 'warn' : 'info';

rmSync(`${root}dist`, { recursive: true, force: true });
await build({ configFile: `${root}vite.config.ts`, logLevel });

/** One Node-side bundle. `external` keeps every bare import (packages, node:*) out of the bundle. */
async function bundle(entry, outDir, fileName, format) {
  await build({
    configFile: false,
    root,
    logLevel,
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      sourcemap: true,
      rolldownOptions: {
        external: (id) => !id.startsWith('.') && !id.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(id),
        output: { format, entryFileNames: fileName, codeSplitting: false },
      },
    },
  });
}

await bundle('electron/engine/hosts/web-main.ts', `${root}dist/node`, 'web-main.js', 'es');
await bundle('electron/main/main.ts', `${root}dist/electron`, 'main.js', 'es');
await bundle('electron/preload/preload.ts', `${root}dist/electron`, 'preload.cjs', 'cjs');
await bundle('electron/engine/hosts/utility-main.ts', `${root}dist/electron`, 'engine.js', 'es');

for (const dir of ['dist/node', 'dist/electron']) {
  mkdirSync(`${root}${dir}/migrations`, { recursive: true });
  cpSync(`${root}db/migrations`, `${root}${dir}/migrations`, { recursive: true });
  // Shipped reference data (the GB/T 2260 region list) is read beside the bundle, as from db/data/.
  for (const file of readdirSync(`${root}db/data`).filter((f) => f.endsWith('.json'))) cpSync(`${root}db/data/${file}`, `${root}${dir}/${file}`);
}
if (!quiet) console.log('build: dist/renderer, dist/node, dist/electron');
