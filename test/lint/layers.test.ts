// The folder import rules (docs/architecture.md#layers) and the lintable habits (§8) live in eslint.config.js.
// These cases lint small snippets *as if* they were files in each folder, through the real config,
// so a rule that silently stops matching (a glob typo, a block order change) fails here.
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error(`no lint result for ${filePath}`);
  return result.messages;
}

const describeMessages = (messages: Linter.LintMessage[]) =>
  messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? 'fatal'}: ${m.message}`).join('\n');

type Case =
  | { name: string; file: string; code: string; clean: true }
  | { name: string; file: string; code: string; rule: string; says?: RegExp };

const LAYER = 'no-restricted-imports';
const SECTION_3 = /docs\/architecture\.md#layers/;

const CASES: Case[] = [
  // ---- core/: pure ------------------------------------------------------------------------
  { name: 'core: node:fs', file: 'core/x.ts', code: "import fs from 'node:fs';\nexport const read = fs.readFileSync;\n", rule: LAYER, says: /core\/ is pure/ },
  { name: 'core: bare built-in path', file: 'core/x.ts', code: "import { join } from 'path';\nexport const j = join;\n", rule: LAYER, says: /core\/ is pure/ },
  { name: 'core: bare built-in subpath fs/promises', file: 'core/money/x.ts', code: "import { readFile } from 'fs/promises';\nexport const r = readFile;\n", rule: LAYER },
  { name: 'core: node:fs/promises', file: 'core/x.ts', code: "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n", rule: LAYER },
  { name: 'core: electron', file: 'core/x.ts', code: "import { app } from 'electron';\nexport const a = app;\n", rule: LAYER },
  { name: 'core: better-sqlite3', file: 'core/x.ts', code: "import Database from 'better-sqlite3';\nexport const D = Database;\n", rule: LAYER },
  { name: 'core: react', file: 'core/x.ts', code: "import { useState } from 'react';\nexport const u = useState;\n", rule: LAYER },
  { name: 'core: react-dom/client', file: 'core/x.ts', code: "import { createRoot } from 'react-dom/client';\nexport const c = createRoot;\n", rule: LAYER },
  { name: 'core: reaches into db/', file: 'core/metrics/x.ts', code: "import { openDatabase } from '../../db/open';\nexport const o = openDatabase;\n", rule: LAYER },
  { name: 'core: re-exports from db/', file: 'core/x.ts', code: "export * from '../db/open';\n", rule: LAYER },
  { name: 'core: reaches into renderer/', file: 'core/x.ts', code: "import { App } from '../renderer/src/App';\nexport const a = App;\n", rule: LAYER },
  { name: 'core: reaches into cli/', file: 'core/x.ts', code: "import { main } from '../cli/wb';\nexport const m = main;\n", rule: LAYER },
  { name: 'core: dynamic import', file: 'core/x.ts', code: "export const load = () => import('node:fs');\n", rule: 'no-restricted-syntax', says: SECTION_3 },
  { name: 'core: Node global process', file: 'core/x.ts', code: 'export const env = process.env;\n', rule: 'no-undef' },
  { name: 'core: DOM global window', file: 'core/x.ts', code: 'export const w = window;\n', rule: 'no-undef' },
  { name: 'core: zod', file: 'core/x.ts', code: "import { z } from 'zod';\nexport const S = z.string();\n", clean: true },
  { name: 'core: apache-arrow + own modules', file: 'core/arrow/x.ts', code: "import { tableFromIPC } from 'apache-arrow';\nimport { parseFen } from '../money/fen';\nexport const t = [tableFromIPC, parseFen];\n", clean: true },
  { name: 'core: ../db-something is not db/', file: 'core/demo/x.ts', code: "import { helper } from '../db-something';\nexport const h = helper;\n", clean: true },
  { name: 'core: local ./events is not the built-in', file: 'core/x.ts', code: "import { on } from './events';\nexport const o = on;\n", clean: true },
  { name: 'core: ES2022 built-ins and TextEncoder', file: 'core/x.ts', code: 'export const bytes: Uint8Array = new TextEncoder().encode(JSON.stringify(new Map<string, bigint>()));\n', clean: true },
  { name: 'core test file: node:fs is exempt', file: 'core/x.test.ts', code: "import fs from 'node:fs';\nexport const read = fs.readFileSync;\n", clean: true },

  // ---- db/ --------------------------------------------------------------------------------
  { name: 'db: core, node:*, better-sqlite3', file: 'db/x.ts', code: "import Database from 'better-sqlite3';\nimport { join } from 'node:path';\nimport { ok } from '../core/result';\nexport const x = [Database, join, ok];\n", clean: true },
  { name: 'db: its own ./repos', file: 'db/x.ts', code: "import { listDatasets } from './repos/datasets';\nexport const l = listDatasets;\n", clean: true },
  { name: 'db: electron', file: 'db/x.ts', code: "import { app } from 'electron';\nexport const a = app;\n", rule: LAYER, says: /db\// },
  { name: 'db: renderer/', file: 'db/repos/x.ts', code: "import { App } from '../../renderer/src/App';\nexport const a = App;\n", rule: LAYER },
  { name: 'db: cli/', file: 'db/x.ts', code: "import { main } from '../cli/wb';\nexport const m = main;\n", rule: LAYER },

  // ---- electron/engine/ -------------------------------------------------------------------
  { name: 'engine: electron', file: 'electron/engine/x.ts', code: "import { app } from 'electron';\nexport const a = app;\n", rule: LAYER, says: /plain Node/ },
  { name: 'engine: electron/utility subpath', file: 'electron/engine/hosts/x.ts', code: "import { parentPort } from 'electron/utility';\nexport const p = parentPort;\n", rule: LAYER },
  { name: 'engine: electron/main/', file: 'electron/engine/x.ts', code: "import { createWindow } from '../main/window';\nexport const c = createWindow;\n", rule: LAYER },
  { name: 'engine: electron/preload/', file: 'electron/engine/hosts/x.ts', code: "import { api } from '../../preload/index';\nexport const a = api;\n", rule: LAYER },
  { name: 'engine: renderer/', file: 'electron/engine/x.ts', code: "import { App } from '../../renderer/src/App';\nexport const a = App;\n", rule: LAYER },
  { name: 'engine: db/ three levels up', file: 'electron/engine/handlers/x.ts', code: "import { openDatabase } from '../../../db/open';\nexport const o = openDatabase;\n", clean: true },
  { name: 'engine: node:http and a sibling host named *-main', file: 'electron/engine/hosts/x.ts', code: "import { createServer } from 'node:http';\nimport { start } from './utility-main';\nexport const s = [createServer, start];\n", clean: true },

  // ---- electron/main/ ---------------------------------------------------------------------
  { name: 'main: db/ side-effect import', file: 'electron/main/x.ts', code: "import '../../db/open';\n", rule: LAYER, says: /never opens the database/ },
  { name: 'main: better-sqlite3', file: 'electron/main/x.ts', code: "import Database from 'better-sqlite3';\nexport const D = Database;\n", rule: LAYER },
  { name: 'main: electron/engine/', file: 'electron/main/x.ts', code: "import { createEngine } from '../engine/engine';\nexport const c = createEngine;\n", rule: LAYER },
  { name: 'main: electron/preload/', file: 'electron/main/x.ts', code: "import { api } from '../preload/index';\nexport const a = api;\n", rule: LAYER },
  { name: 'main: electron, core/, node:path', file: 'electron/main/x.ts', code: "import { app } from 'electron';\nimport { join } from 'node:path';\nimport { IPC } from '../../core/ipc/bridge';\nexport const x = [app, join, IPC];\n", clean: true },

  // ---- electron/preload/ ------------------------------------------------------------------
  { name: 'preload: node:fs', file: 'electron/preload/x.ts', code: "import fs from 'node:fs';\nexport const read = fs.readFileSync;\n", rule: LAYER, says: /sandboxed/ },
  { name: 'preload: a core/ module other than ipc/bridge', file: 'electron/preload/x.ts', code: "import { ok } from '../../core/result';\nexport const o = ok;\n", rule: LAYER },
  { name: 'preload: any other package', file: 'electron/preload/x.ts', code: "import { z } from 'zod';\nexport const S = z.string();\n", rule: LAYER },
  { name: 'preload: electron + core/ipc/bridge', file: 'electron/preload/x.ts', code: "import { contextBridge, ipcRenderer } from 'electron';\nimport { IPC, type Bridge } from '../../core/ipc/bridge';\nexport const x = [contextBridge, ipcRenderer, IPC];\nexport type B = Bridge;\n", clean: true },

  // ---- renderer/ --------------------------------------------------------------------------
  { name: 'renderer: better-sqlite3', file: 'renderer/src/x.ts', code: "import Database from 'better-sqlite3';\nexport const D = Database;\n", rule: LAYER, says: /renderer\/ is a sandboxed web page/ },
  { name: 'renderer: bare built-in fs', file: 'renderer/src/x.ts', code: "import { readFileSync } from 'fs';\nexport const r = readFileSync;\n", rule: LAYER },
  { name: 'renderer: node:path', file: 'renderer/src/x.ts', code: "import { join } from 'node:path';\nexport const j = join;\n", rule: LAYER },
  { name: 'renderer: electron', file: 'renderer/src/x.ts', code: "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n", rule: LAYER },
  { name: 'renderer: electron/ folder', file: 'renderer/src/bridge/x.ts', code: "import { api } from '../../../electron/preload/index';\nexport const a = api;\n", rule: LAYER },
  { name: 'renderer: db/', file: 'renderer/src/features/home/x.ts', code: "import { openDatabase } from '../../../../db/open';\nexport const o = openDatabase;\n", rule: LAYER },
  {
    name: 'renderer: react, echarts, core/, its own ./bridge',
    file: 'renderer/src/features/home/x.tsx',
    code:
      "import { useState } from 'react';\nimport * as echarts from 'echarts/core';\nimport { parseFen } from '../../../../core/money/fen';\nimport { connect } from '../../bridge/connect';\n" +
      'export function Counter() {\n  const [n] = useState(0);\n  return <div>{[n, echarts, parseFen, connect].length}</div>;\n}\n',
    clean: true,
  },
  { name: 'renderer: rules of hooks', file: 'renderer/src/x.ts', code: "import { useState } from 'react';\nexport function useMaybe(c: boolean) {\n  if (c) useState(0);\n}\n", rule: 'react-hooks/rules-of-hooks' },

  // ---- cli/ -------------------------------------------------------------------------------
  { name: 'cli: electron', file: 'cli/x.ts', code: "import { app } from 'electron';\nexport const a = app;\n", rule: LAYER, says: /cli\/ is plain Node/ },
  { name: 'cli: electron/ folder', file: 'cli/commands/x.ts', code: "import { createEngine } from '../../electron/engine/engine';\nexport const c = createEngine;\n", rule: LAYER },
  { name: 'cli: renderer/', file: 'cli/x.ts', code: "import { App } from '../renderer/src/App';\nexport const a = App;\n", rule: LAYER },
  { name: 'cli: core/, db/, node:*, console', file: 'cli/commands/x.ts', code: "import { readFileSync } from 'node:fs';\nimport { openDatabase } from '../../db/open';\nimport { parseFen } from '../../core/money/fen';\nconsole.log(readFileSync, openDatabase, parseFen);\n", clean: true },

  // ---- tests and cross-cutting code -------------------------------------------------------
  { name: 'test/: node:fs and db/', file: 'test/support/x.ts', code: "import fs from 'node:fs';\nimport { openDatabase } from '../../db/open';\nexport const x = [fs, openDatabase];\n", clean: true },
  { name: 'renderer test file: node:fs is exempt', file: 'renderer/src/x.test.tsx', code: "import fs from 'node:fs';\nexport const read = fs.readFileSync;\n", clean: true },

  // ---- habits (§8) ------------------------------------------------------------------------
  { name: 'habit: export default in core', file: 'core/x.ts', code: 'export default 1;\n', rule: 'no-restricted-syntax', says: /docs\/architecture\.md#code-style/ },
  { name: 'habit: export { x as default }', file: 'db/x.ts', code: 'const x = 1;\nexport { x as default };\n', rule: 'no-restricted-syntax', says: /named export/ },
  { name: 'habit: export default in a test file', file: 'cli/x.test.ts', code: 'export default 1;\n', rule: 'no-restricted-syntax' },
  { name: 'habit: config files may default-export', file: 'vite.config.ts', code: 'export default {};\n', clean: true },
  { name: 'habit: any', file: 'core/x.ts', code: 'export const a: any = 1;\n', rule: '@typescript-eslint/no-explicit-any' },
  { name: 'habit: ==', file: 'db/x.ts', code: 'export const same = (a: number, b: number) => a == b;\n', rule: 'eqeqeq' },
  { name: 'habit: == null is allowed', file: 'db/x.ts', code: 'export const missing = (a: number | null | undefined) => a == null;\n', clean: true },
  { name: 'habit: type-only import written as a value import', file: 'db/x.ts', code: "import { Reply } from '../core/result';\nexport type R = Reply<number>;\n", rule: '@typescript-eslint/consistent-type-imports' },
  { name: 'habit: console in db/', file: 'db/x.ts', code: "console.log('x');\n", rule: 'no-console' },
  { name: 'habit: console in an engine host', file: 'electron/engine/hosts/x.ts', code: "console.error('x');\n", clean: true },
  { name: 'habit: eval', file: 'renderer/src/x.ts', code: "export const v = eval('1');\n", rule: 'no-eval' },
];

describe('eslint.config.js: folder import rules and habits', () => {
  it('has at least one failing and one passing case per folder', () => {
    for (const folder of ['core/', 'db/', 'electron/engine/', 'electron/main/', 'electron/preload/', 'renderer/', 'cli/']) {
      const mine = CASES.filter((c) => c.file.startsWith(folder) && !/\.test\.tsx?$/.test(c.file));
      expect(mine.some((c) => 'rule' in c), `${folder} failing case`).toBe(true);
      expect(mine.some((c) => 'clean' in c), `${folder} passing case`).toBe(true);
    }
  });

  it.each(CASES)('$name  ($file)', async (c) => {
    const messages = await lint(c.file, c.code);
    if ('clean' in c) {
      expect(describeMessages(messages)).toBe('');
      return;
    }
    const hits = messages.filter((m) => m.ruleId === c.rule);
    expect(hits.length, `expected ${c.rule}, got:\n${describeMessages(messages)}`).toBeGreaterThan(0);
    expect(hits.every((m) => m.severity === 2)).toBe(true);
    const says = c.says ?? (c.rule === LAYER ? SECTION_3 : undefined);
    if (says) for (const m of hits) expect(m.message).toMatch(says);
    // Every layer message names the rule it enforces.
    if (c.rule === LAYER) for (const m of hits) expect(m.message).toMatch(SECTION_3);
  });

  it.each([
    ['dist/renderer/assets/index.js', true],
    ['bench/out/report.js', true],
    ['node_modules/zod/index.js', true],
    ['playwright-report/index.js', true],
    ['core/money/fen.ts', false],
    ['scripts/build.mjs', false],
    ['eslint.config.js', false],
  ] as const)('ignores %s: %s', async (file, ignored) => {
    expect(await eslint.isPathIgnored(`${root}/${file}`)).toBe(ignored);
  });
});
