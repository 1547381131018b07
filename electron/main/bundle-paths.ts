// Where the built files sit relative to the main bundle. scripts/build.mjs writes main.js,
// preload.cjs and engine.js side by side in dist/electron/ and the renderer to dist/renderer/;
// the same layout is packed into app.asar, so one rule serves development and packaged builds.
import { join, resolve } from 'node:path';

export type BundlePaths = {
  /** The sandboxed preload; CommonJS because sandboxed preloads cannot be ES modules. */
  preload: string;
  /** The engine entry forked into a utility process. */
  engine: string;
  /** The only folder the app:// protocol serves from. */
  renderer: string;
};

export function bundlePaths(mainDir: string): BundlePaths {
  const dir = resolve(mainDir);
  return {
    preload: join(dir, 'preload.cjs'),
    engine: join(dir, 'engine.js'),
    renderer: resolve(dir, '..', 'renderer'),
  };
}
