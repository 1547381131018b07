// Type-check every folder with its own tsconfig: the per-folder `lib`/`types` settings are what
// stop core/ from touching Node or the DOM, so one tree-wide check would hide layer violations.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const projects = ['core', 'db', 'cli', 'electron/engine', 'electron/main', 'electron/preload', 'renderer', 'test'];
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));

function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', `${project}/tsconfig.json`, '--pretty'], { cwd: root });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ project, code, out }));
  });
}

// Two at a time: the machines have two cores.
const results = [];
const queue = [...projects];
await Promise.all([0, 1].map(async () => {
  while (queue.length) results.push(await check(queue.shift()));
}));
let failed = 0;
for (const r of results.sort((a, b) => projects.indexOf(a.project) - projects.indexOf(b.project))) {
  if (r.code !== 0) {
    failed++;
    console.error(`✗ ${r.project}\n${r.out}`);
  } else console.log(`✓ ${r.project}`);
}
process.exit(failed ? 1 : 0);
