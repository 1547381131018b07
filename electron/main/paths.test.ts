// Pure path rules: where the built files are, where the data lives, and that both agree with the
// files that produce or consume them (scripts/build.mjs, vite.config.ts, core/app-paths.ts,
// electron-builder.yml).
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultDatabaseFile, type HostFacts } from '../../core/app-paths';
import { bundlePaths } from './bundle-paths';
import { electronDataPaths } from './data-paths';
import { APP_ID, PRODUCT_NAME } from './product';
import { DEFAULT_RESTART_POLICY, nextCrashCount, restartDelay } from './restart-policy';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('bundlePaths', () => {
  it('finds preload, engine and renderer beside dist/electron/main.js', () => {
    expect(bundlePaths('/opt/wb/resources/app.asar/dist/electron')).toEqual({
      preload: '/opt/wb/resources/app.asar/dist/electron/preload.cjs',
      engine: '/opt/wb/resources/app.asar/dist/electron/engine.js',
      renderer: '/opt/wb/resources/app.asar/dist/renderer',
    });
  });

  it('matches the file names scripts/build.mjs writes', () => {
    const build = readFileSync(`${root}scripts/build.mjs`, 'utf8');
    expect(build).toMatch(/'electron\/main\/main\.ts', `\$\{root\}dist\/electron`, 'main\.js'/);
    expect(build).toMatch(/'electron\/preload\/preload\.ts', `\$\{root\}dist\/electron`, 'preload\.cjs', 'cjs'/);
    expect(build).toMatch(/'electron\/engine\/hosts\/utility-main\.ts', `\$\{root\}dist\/electron`, 'engine\.js'/);
  });

  it('matches where vite writes the renderer', () => {
    expect(readFileSync(`${root}vite.config.ts`, 'utf8')).toMatch(/root: 'renderer'[\s\S]*outDir: '\.\.\/dist\/renderer'/);
  });
});

describe('electronDataPaths', () => {
  const cases: HostFacts[] = [
    { platform: 'linux', home: '/home/li', env: {} },
    { platform: 'linux', home: '/home/li', env: { XDG_CONFIG_HOME: '/data/cfg' } },
    { platform: 'darwin', home: '/Users/li', env: {} },
    { platform: 'linux', home: '/home/li', env: { WB_DATA_DIR: '/srv/wb' } },
  ];
  it.each(cases)('puts the database exactly where the CLI looks (%j)', (facts) => {
    const paths = electronDataPaths(facts);
    expect(paths.databaseFile).toBe(defaultDatabaseFile(facts));
    expect(dirname(paths.databaseFile)).toBe(paths.userData);
    expect(paths.sessionData).toBe(`${paths.userData}/chromium`);
  });

  it('on Linux is ~/.config/edu-finance-workbench/workbench.sqlite', () => {
    expect(electronDataPaths({ platform: 'linux', home: '/home/li', env: {} }).databaseFile).toBe('/home/li/.config/edu-finance-workbench/workbench.sqlite');
  });

  it('on Windows uses %APPDATA%', () => {
    const paths = electronDataPaths({ platform: 'win32', home: 'C:\\Users\\li', env: { APPDATA: 'C:\\Users\\li\\AppData\\Roaming' } });
    expect(paths.userData).toBe('C:\\Users\\li\\AppData\\Roaming\\edu-finance-workbench');
    expect(paths.databaseFile).toBe('C:\\Users\\li\\AppData\\Roaming\\edu-finance-workbench\\workbench.sqlite');
  });
});

describe('product identity', () => {
  it('matches electron-builder.yml', () => {
    const yml = readFileSync(`${root}electron-builder.yml`, 'utf8');
    expect(yml).toMatch(new RegExp(`^appId: ${APP_ID.replaceAll('.', '\\.')}$`, 'm'));
    expect(yml).toMatch(new RegExp(`^productName: ${PRODUCT_NAME}$`, 'm'));
  });
});

describe('restart policy', () => {
  it('doubles the delay per consecutive crash up to the cap, then gives up', () => {
    const policy = { maxCrashes: 6, baseDelayMs: 500, maxDelayMs: 3_000, stableAfterMs: 60_000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => restartDelay(n, policy))).toEqual([500, 1_000, 2_000, 3_000, 3_000, null]);
    expect(restartDelay(DEFAULT_RESTART_POLICY.maxCrashes)).toBeNull();
    expect(restartDelay(1)).toBe(DEFAULT_RESTART_POLICY.baseDelayMs);
  });

  it('counts crashes consecutively unless the run was stable', () => {
    expect(nextCrashCount(2, 1_000)).toBe(3);
    expect(nextCrashCount(4, DEFAULT_RESTART_POLICY.stableAfterMs)).toBe(1);
  });
});
