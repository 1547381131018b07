// Lint for the whole tree. Two jobs beyond the usual recommended sets:
//   1. the folder import rules of docs/architecture.md#layers, one `no-restricted-imports` block per folder
//      (the per-folder tsconfigs enforce the same boundary for globals; this enforces it for imports);
//   2. the habits of docs/architecture.md#code-style that a linter can see (no default exports, no `any`, `===`).
// Deliberately not type-aware (no parserOptions.project): it must stay fast enough to run on save.
// test/lint/layers.test.ts proves every layer rule fires and that legitimate imports stay clean.
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig, globalIgnores, includeIgnoreFile } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const gitignore = fileURLToPath(new URL('.gitignore', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Building blocks for the import rules.
//
// Bare specifiers are matched exactly (`paths`), so a local `./events` or `./path-utils` module is
// never mistaken for a Node built-in. Folders are matched as whole path segments with
// gitignore-style globs (`**/db`, `**/db/**`), which catch `../db`, `../../db/open` and
// `../../../db/repos/x` but not `./repos/x` or `../db-something`. Because a folder glob also
// matches a bare specifier of the same name, `**/electron` covers the `electron` package too.
// ---------------------------------------------------------------------------------------------

/** Node built-ins without the `node:` prefix: fs, fs/promises, path, os, crypto, child_process … */
const NODE_BUILTIN_NAMES = builtinModules.filter((name) => !name.startsWith('node:'));

const exact = (names, message) => names.map((name) => ({ name, message }));
const folder = (...names) => names.flatMap((name) => [`**/${name}`, `**/${name}/**`]);

const nodeBuiltins = (message) => ({
  paths: exact(NODE_BUILTIN_NAMES, message),
  patterns: [{ group: ['node:*'], message }],
});

/**
 * One `no-restricted-imports` setting from a folder's rule text and its forbidden things.
 * `paths` are exact bare specifiers; `groups` are gitignore globs; `regex` are regular expressions
 * (used where an allow-list needs a negative look-ahead).
 */
function layer(message, { paths = [], groups = [], regex = [], node = false }) {
  const builtins = node ? nodeBuiltins(message) : { paths: [], patterns: [] };
  return [
    'error',
    {
      paths: [...builtins.paths, ...exact(paths, message)],
      patterns: [
        ...builtins.patterns,
        ...(groups.length ? [{ group: groups, message }] : []),
        ...regex.map((re) => ({ regex: re, message })),
      ],
    },
  ];
}

const ELECTRON_PKG = ['electron']; // bare name; subpaths (electron/main, electron/utility …) below
const ELECTRON_SUBPATHS = ['electron/*'];
const REACT = ['react', 'react-dom'];
const REACT_SUBPATHS = ['react/*', 'react-dom/*'];

const MESSAGES = {
  core:
    'core/ is pure: no Node built-ins (node:*, fs, path …), electron, better-sqlite3, react, and nothing ' +
    'from db/, electron/, renderer/ or cli/; it may import only zod, apache-arrow and core/. See docs/architecture.md#layers.',
  db:
    'db/ is Node-only data access: it may import core/, node:* and better-sqlite3, never electron, react, ' +
    'renderer/, electron/ or cli/. See docs/architecture.md#layers.',
  engine:
    'electron/engine/ must run in plain Node too: it may import core/ and db/, never electron, react, ' +
    'renderer/, electron/main/, electron/preload/ or cli/. See docs/architecture.md#layers.',
  main:
    'electron/main/ is thin and never opens the database: it may import core/ and electron, never db/, ' +
    'better-sqlite3, renderer/, electron/engine/, electron/preload/ or cli/. See docs/architecture.md#layers.',
  preload:
    'electron/preload/ is sandboxed: it may import only electron (contextBridge, ipcRenderer) and ' +
    'core/ipc/bridge (constants and types), nothing else at run time. See docs/architecture.md#layers.',
  renderer:
    'renderer/ is a sandboxed web page: it may import core/, react, react-dom, echarts, apache-arrow and zod, ' +
    'never db/, electron, electron/, cli/, better-sqlite3 or Node built-ins (node:*, fs, path …). See docs/architecture.md#layers.',
  cli:
    'cli/ is plain Node: it may import core/, db/ and node:*, never electron, electron/, renderer/ or react. ' +
    'See docs/architecture.md#layers.',
};

const LAYERS = [
  {
    name: 'layers/core',
    files: ['core/**/*.{ts,tsx,js,mjs}'],
    rule: layer(MESSAGES.core, {
      node: true,
      paths: [...ELECTRON_PKG, 'better-sqlite3', ...REACT],
      groups: [...ELECTRON_SUBPATHS, ...REACT_SUBPATHS, ...folder('db', 'electron', 'renderer', 'cli')],
    }),
  },
  {
    name: 'layers/db',
    files: ['db/**/*.{ts,tsx,js,mjs}'],
    rule: layer(MESSAGES.db, {
      paths: [...ELECTRON_PKG, ...REACT],
      groups: [...ELECTRON_SUBPATHS, ...REACT_SUBPATHS, ...folder('electron', 'renderer', 'cli')],
    }),
  },
  {
    name: 'layers/electron-engine',
    files: ['electron/engine/**/*.{ts,tsx,js,mjs}'],
    // From inside electron/engine/ the siblings are `../main`, `../../main/x`; from elsewhere
    // `electron/main/x`. Both end in a `main` or `preload` segment. Host files such as
    // `hosts/utility-main.ts` do not, because globs match whole segments.
    rule: layer(MESSAGES.engine, {
      paths: [...ELECTRON_PKG, ...REACT],
      groups: [...ELECTRON_SUBPATHS, ...REACT_SUBPATHS, ...folder('main', 'preload', 'renderer', 'cli')],
    }),
  },
  {
    name: 'layers/electron-main',
    files: ['electron/main/**/*.{ts,tsx,js,mjs}'],
    rule: layer(MESSAGES.main, {
      paths: ['better-sqlite3', ...REACT],
      groups: [...REACT_SUBPATHS, ...folder('db', 'engine', 'preload', 'renderer', 'cli')],
    }),
  },
  {
    name: 'layers/electron-preload',
    files: ['electron/preload/**/*.{ts,tsx,js,mjs}'],
    // An allow-list: any bare specifier except `electron` (or its sandbox-safe `electron/renderer`),
    // and any relative import that reaches a top-level folder other than core/ipc/bridge.
    // Siblings inside electron/preload/ (`./x`) stay allowed: they are bundled into the preload.
    rule: layer(MESSAGES.preload, {
      regex: [
        '^(?!electron(?:/renderer)?$)[^.]', // bare specifiers, node:* included
        '^(?:\\.\\./)+(?!core/ipc/bridge(?:\\.[cm]?[jt]s)?$)(?:core|db|electron|engine|main|renderer|cli|test|bench|scripts)(?:/|$)',
      ],
    }),
  },
  {
    name: 'layers/renderer',
    files: ['renderer/**/*.{ts,tsx,js,mjs}'],
    rule: layer(MESSAGES.renderer, {
      node: true,
      paths: ['better-sqlite3'],
      groups: folder('db', 'electron', 'cli'), // `**/electron` also covers the electron package
    }),
  },
  {
    name: 'layers/cli',
    files: ['cli/**/*.{ts,tsx,js,mjs}'],
    rule: layer(MESSAGES.cli, {
      paths: [...REACT],
      groups: [...REACT_SUBPATHS, ...folder('electron', 'renderer')], // covers electron and electron/*
    }),
  },
];

// Tests sit beside their source and may cross layers (fixtures via node:fs, real databases);
// core's and every other folder's *source* files stay under the rules above.
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', 'test/**'];
const CONFIG_FILES = ['eslint.config.js', '**/*.config.{ts,js,mjs,cjs}'];

// §8: no default exports (named exports keep imports greppable and renames honest).
const NO_DEFAULT_EXPORT = [
  {
    selector: 'ExportDefaultDeclaration',
    message: 'No default exports: use a named export (docs/architecture.md#code-style). Only *.config.* files may default-export.',
  },
  {
    selector: "ExportSpecifier[exported.name='default']",
    message: 'No default exports: use a named export (docs/architecture.md#code-style). Only *.config.* files may default-export.',
  },
];

export default defineConfig(
  globalIgnores(
    [
      'dist/',
      'release/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      'bench/out/',
      '.tsbuild/',
      'build/**/*.{js,mjs,cjs}', // electron-builder resources only; any script here is generated
    ],
    'generated output',
  ),
  ...(existsSync(gitignore) ? [includeIgnoreFile(gitignore, '.gitignore')] : []),

  {
    name: 'files',
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,

  // ---- habits (§8) ---------------------------------------------------------------------------
  {
    name: 'habits',
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    rules: {
      'no-restricted-syntax': ['error', ...NO_DEFAULT_EXPORT],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // The tree already writes `import type`; erased imports also keep bundles (preload!) honest.
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'error',
      // §6: strict CSP, no eval anywhere.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    name: 'habits/config-files',
    files: CONFIG_FILES,
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    name: 'habits/console-allowed',
    // Programs whose job is to print: the CLI, scripts, benchmarks, the process hosts, tests.
    files: ['cli/**', 'scripts/**', 'bench/**', 'electron/engine/hosts/**', 'electron/main/**', ...TEST_FILES, ...CONFIG_FILES],
    rules: { 'no-console': 'off' },
  },

  // ---- globals per folder --------------------------------------------------------------------
  {
    name: 'globals/node',
    files: ['db/**', 'cli/**', 'electron/engine/**', 'electron/main/**', 'scripts/**', 'bench/**', 'test/**', '*.{js,mjs,cjs,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    name: 'globals/browser',
    files: ['renderer/**', 'electron/preload/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    name: 'globals/core',
    // Only ES2022 built-ins plus what every host provides (declared in core/globals.d.ts).
    // no-undef is normally off for TS (the compiler checks names), but the linter runs without the
    // per-folder tsconfig, so keep it on here: `process`, `window`, `Buffer`, `setTimeout` fail fast.
    files: ['core/**'],
    ignores: TEST_FILES,
    languageOptions: {
      ecmaVersion: 2022,
      globals: { TextEncoder: 'readonly', TextDecoder: 'readonly' },
    },
    rules: { 'no-undef': 'error' },
  },
  {
    name: 'globals/tests',
    files: TEST_FILES,
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    // Playwright fixtures must destructure their first parameter: `async ({}, use) => …`.
    rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
  },

  // ---- React (hooks live in .ts files too, e.g. use-per-student.ts) -------------------------
  {
    name: 'react-hooks',
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    rules: {
      // React Compiler advice, not a bug: it flags the ordinary "set loading, then fetch" effect
      // (use-per-student.ts) and resetting a timer-driven flag. rules-of-hooks, exhaustive-deps,
      // refs, purity, immutability … stay on.
      'react-hooks/set-state-in-effect': 'off',
    },
  },

  // ---- folder import rules (§3) --------------------------------------------------------------
  ...LAYERS.map(({ name, files, rule }) => ({ name, files, rules: { 'no-restricted-imports': rule } })),
  {
    name: 'layers/core-dynamic-import',
    files: ['core/**'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-syntax': [
        'error',
        ...NO_DEFAULT_EXPORT,
        {
          selector: 'ImportExpression',
          message: 'core/ imports statically so the layer rules can see every dependency (docs/architecture.md#layers).',
        },
      ],
    },
  },
  {
    name: 'layers/tests-exempt',
    files: TEST_FILES,
    rules: { 'no-restricted-imports': 'off' },
  },
);
