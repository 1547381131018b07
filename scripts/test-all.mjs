// npm test: every check the project has, in the order that fails fastest —
// type-check per folder, lint (incl. the layer rules), unit/integration tests (vitest, real
// SQLite files, the crash test), then the build, the Electron security scan
// (scripts/electronegativity.mjs), the fuzzing script and the end-to-end tests in Debian Chromium.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const steps = [
  ['typecheck', ['node', 'scripts/typecheck.mjs']],
  ['lint', ['npx', 'eslint', '--max-warnings', '0', '.']],
  ['unit and integration tests', ['npx', 'vitest', 'run']],
  ['build', ['node', 'scripts/build.mjs', '--quiet']],
  // After the build: it scans the bundles that ship as well as the sources.
  ['Electron security scan (Electronegativity, offline)', ['node', 'scripts/electronegativity.mjs']],
  // ~160,000 generated cases over every parser and the engine contract (test/fuzz); a fixed seed,
  // so a red CI reproduces exactly with the command it prints.
  ['fuzzing (fast-check, every parser and the engine contract)', ['node', 'scripts/fuzz.mjs', '--seed', '20261129']],
  ['end-to-end tests (Chromium)', ['npx', 'playwright', 'test']],
];
for (const [name, [cmd, ...args]] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✗ ${name} failed (${secs} s)`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${name} (${secs} s)`);
}
