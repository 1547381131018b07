// Electronegativity (Doyensec's Electron security scanner) over the app, offline and deterministic.
//
// What is scanned: one staged copy of
//   - the sources that run in the app: electron/, core/, db/, renderer/ (index.html and src/),
//     without tests (*.test.ts, *.test.tsx);
//   - the build that ships: dist/electron/{main.js, preload.cjs, engine.js} and dist/renderer/
//     (run `npm run build` first; npm test runs this after its build step);
//   - package.json (the Electron version and the scripts' command-line switches).
// The staging exists because the scanner reads only .js/.jsx/.ts/.tsx/.html/.htm files: the
// sandboxed preload bundle is staged as preload.cjs.js so that it is parsed too, and test files,
// which hold mocks of Electron, stay out.
//
// Offline: the scanner fetches translations and Electron's release list over the network. Its HTTP
// client is replaced with one that fails at once (the bundled English strings are used), the
// Electron version is pinned to package.json's (the equivalent of `-e 45.5.0`), and the one check
// that needs the release list (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK) is not run.
//
// Trust but verify: before the real scan, a canary (one JavaScript and one TypeScript file with an
// unsafe BrowserWindow) is scanned and must be flagged, so a parser that silently stopped
// understanding our code cannot turn into "no findings". A file the scanner cannot parse fails the
// run for the same reason.
//
// Verdict: every HIGH or MEDIUM finding needs an entry in scripts/electronegativity-justifications.json
// (check id + file, with the reason it is a false positive or accepted); an entry that matches no
// finding fails the run too, so the file never carries stale excuses. The CSP that the scanner
// cannot see (it is a response header set by the app:// handler, not a <meta> tag) is evaluated
// here with the scanner's own CSP evaluator.
//
// Usage: node scripts/electronegativity.mjs [--json FILE]
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const JUSTIFICATIONS = join(root, 'scripts', 'electronegativity-justifications.json');
const SOURCE_DIRS = ['electron', 'core', 'db', 'renderer'];
const SCANNED_EXT = /\.(js|jsx|ts|tsx|html|htm)$/;
const TEST_FILE = /\.test\.(ts|tsx|js)$/;
const OFFLINE_EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];
const SEVERITY_ORDER = { HIGH: 3, MEDIUM: 2, LOW: 1, INFORMATIONAL: 0 };

function fail(message) {
  console.error(`✗ electronegativity: ${message}`);
  process.exit(1);
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const electronVersion = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
if (!/^\d+\.\d+\.\d+$/.test(electronVersion ?? '')) fail(`package.json must pin electron exactly (found ${electronVersion})`);

// ---- load the scanner with its network cut off -------------------------------------------------
const rootRequire = createRequire(join(root, 'package.json'));
const scannerDir = dirname(rootRequire.resolve('@doyensec/electronegativity/package.json'));
const scannerRequire = createRequire(join(scannerDir, 'dist', 'runner.js'));
const scannerVersion = JSON.parse(readFileSync(join(scannerDir, 'package.json'), 'utf8')).version;
const gotPath = scannerRequire.resolve('got');
const offline = () => Promise.reject(new Error('electronegativity runs offline here'));
offline.head = offline;
offline.get = offline;
scannerRequire.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };
// The translations are looked up by LANG; the bundled en-US strings keep the output stable.
process.env.LANG = 'en-US';
const runnerModule = scannerRequire('./runner.js');
const runScanner = runnerModule.default ?? runnerModule;

/** The scanner prints progress through console.log; keep it for --verbose only. */
async function scan(input) {
  const log = console.log;
  const noise = [];
  console.log = (...args) => noise.push(args.join(' '));
  try {
    return await runScanner(
      {
        input,
        output: undefined,
        isSarif: false,
        customScan: [],
        excludeFromScan: OFFLINE_EXCLUDED.map((c) => c.toLowerCase()),
        severitySet: undefined,
        confidenceSet: undefined,
        isRelative: true,
        isVerbose: true,
        electronUpgrade: undefined,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
  } finally {
    console.log = log;
    if (process.argv.includes('--verbose')) for (const line of noise) console.log(`  [scanner] ${line}`);
  }
}

// ---- stage what is scanned ---------------------------------------------------------------------
const stage = mkdtempSync(join(tmpdir(), 'electronegativity-'));
process.on('exit', () => rmSync(stage, { recursive: true, force: true }));
/** staged relative path → the path reported (the repository's own). */
const reportedAs = new Map();

function stageFile(from, rel, as = rel) {
  mkdirSync(dirname(join(stage, 'app', as)), { recursive: true });
  cpSync(from, join(stage, 'app', as));
  reportedAs.set(as.split(sep).join('/'), rel.split(sep).join('/'));
}

function walk(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'test' || entry.name === '__tests__') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

const required = ['dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/electron/engine.js', 'dist/renderer/index.html'];
const missing = required.filter((f) => !existsSync(join(root, f)));
if (missing.length) fail(`the build is missing (${missing.join(', ')}); run \`npm run build\` first`);

stageFile(join(root, 'package.json'), 'package.json');
for (const dir of SOURCE_DIRS) {
  for (const file of walk(join(root, dir))) {
    if (SCANNED_EXT.test(file) && !TEST_FILE.test(file)) stageFile(file, relative(root, file));
  }
}
stageFile(join(root, 'dist/electron/main.js'), 'dist/electron/main.js');
stageFile(join(root, 'dist/electron/engine.js'), 'dist/electron/engine.js');
// .cjs is not among the scanner's extensions: stage the preload bundle under a name it reads.
stageFile(join(root, 'dist/electron/preload.cjs'), 'dist/electron/preload.cjs', 'dist/electron/preload.cjs.js');
for (const file of walk(join(root, 'dist/renderer'))) {
  if (SCANNED_EXT.test(file)) stageFile(file, relative(root, file));
}

/** Build output carries content hashes; justifications name the file without them. */
function reportedPath(stagedRel) {
  const p = reportedAs.get(stagedRel) ?? stagedRel;
  return p.replace(/^(dist\/renderer\/assets\/[^/]+)-[A-Za-z0-9_-]{8}(\.\w+)$/, '$1-[hash]$2');
}

// ---- canary: the scanner must still see an unsafe window in JS and in TS -----------------------
const canaryDir = join(stage, 'canary');
mkdirSync(canaryDir, { recursive: true });
writeFileSync(
  join(canaryDir, 'canary.js'),
  "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n",
);
writeFileSync(
  join(canaryDir, 'canary.ts'),
  "import { BrowserWindow, type WebPreferences } from 'electron';\nexport function open(extra: Partial<WebPreferences> = {}): BrowserWindow {\n  return new BrowserWindow({ show: false, webPreferences: { nodeIntegration: true, contextIsolation: false, ...extra } });\n}\n",
);
const canary = await scan(canaryDir);
for (const file of ['canary.js', 'canary.ts']) {
  const seen = new Set(canary.issues.filter((i) => i.file === file).map((i) => i.id));
  // NODE_INTEGRATION_JS_CHECK fires only when the scanner reads the key's value (the others also fire
  // when it sees no webPreferences at all), so it is the proof that the file was understood.
  for (const id of ['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK']) {
    if (!seen.has(id)) fail(`self-test: the scanner did not flag ${id} in ${file} (found: ${[...seen].join(', ') || 'nothing'}); it is not seeing our code`);
  }
}

// ---- the real scan -----------------------------------------------------------------------------
const t0 = Date.now();
const result = await scan(join(stage, 'app'));
const scannedFiles = [...reportedAs.keys()];
const hardErrors = result.errors.filter((e) => !e.tolerable);
for (const e of result.errors) console.log(`  ${e.tolerable ? 'warning' : 'PARSE ERROR'}: ${reportedPath(relative(join(stage, 'app'), e.file))}: ${e.message}`);
if (hardErrors.length) fail(`${hardErrors.length} file(s) could not be parsed, so they were not checked`);

const findings = result.issues
  .map((i) => ({
    check: i.id,
    severity: i.severity.name,
    confidence: i.confidence.name,
    file: i.file === 'N/A' ? 'N/A' : reportedPath(i.file.split(sep).join('/')),
    line: i.location?.line ?? 0,
    column: i.location?.column ?? 0,
    manualReview: Boolean(i.manualReview),
    sample: (i.sample ?? '').trim(),
    description: i.description,
  }))
  .sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || a.file.localeCompare(b.file) || a.line - b.line || a.check.localeCompare(b.check));

// ---- the CSP the scanner cannot see ------------------------------------------------------------
const { tsImport } = await import('tsx/esm/api');
const { contentSecurityPolicy } = await tsImport(join(root, 'core/security/csp.ts'), import.meta.url);
const cspEvaluator = scannerRequire('@doyensec/csp-evaluator');
const cspProblems = [];
const cspNotes = [];
for (const [where, policy] of [
  ['app:// (electron/main/protocol.ts)', contentSecurityPolicy()],
  ['browser mode (electron/engine/hosts/web-host.ts)', contentSecurityPolicy({ connectSrc: ['ws://127.0.0.1:49152', 'ws://localhost:49152'] })],
]) {
  const parsed = new cspEvaluator.CspParser(policy);
  for (const f of new cspEvaluator.CspEvaluator(parsed.csp, cspEvaluator.Version.CSP3).evaluate()) {
    const s = cspEvaluator.severities;
    const line = `${where}: ${f.directive}: ${f.description}`;
    if (f.severity === s.HIGH || f.severity === s.MEDIUM || f.severity === s.SYNTAX) cspProblems.push(line);
    else cspNotes.push(line);
  }
}

// ---- verdict -----------------------------------------------------------------------------------
const justifications = JSON.parse(readFileSync(JUSTIFICATIONS, 'utf8')).justifications;
const key = (check, file) => `${check} @ ${file}`;
const byKey = new Map();
for (const j of justifications) {
  if (typeof j.reason !== 'string' || j.reason.trim().length < 40) fail(`justification ${key(j.check, j.file)} needs a written reason`);
  byKey.set(key(j.check, j.file), j);
}
const used = new Set();
const unjustified = [];

console.log(`Electronegativity ${scannerVersion} (Electron ${electronVersion}; ${result.atomicChecks} atomic + ${result.globalChecks} global checks; offline, without ${OFFLINE_EXCLUDED.join(', ')})`);
console.log(`scanned ${scannedFiles.length} files: package.json, ${SOURCE_DIRS.map((d) => `${d}/ (${scannedFiles.filter((f) => f.startsWith(`${d}/`)).length})`).join(', ')}, dist/electron/{main.js, preload.cjs, engine.js}, dist/renderer/ (${scannedFiles.filter((f) => f.startsWith('dist/renderer/')).length}); canary self-test passed`);
console.log('');
for (const f of findings) {
  const gate = f.severity === 'HIGH' || f.severity === 'MEDIUM';
  const j = byKey.get(key(f.check, f.file));
  let status = '';
  if (gate) {
    if (j) {
      used.add(key(f.check, f.file));
      status = 'justified';
    } else {
      unjustified.push(f);
      status = 'UNJUSTIFIED';
    }
  }
  console.log(`${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.check.padEnd(40)} ${`${f.file}:${f.line}:${f.column}`.padEnd(46)} ${status}`);
  if (gate && j) console.log(`${' '.repeat(24)}↳ ${j.reason}`);
  if (gate && !j) console.log(`${' '.repeat(24)}↳ ${f.description}${f.sample ? ` — ${f.sample}` : ''}`);
}
const stale = justifications.filter((j) => !used.has(key(j.check, j.file)));
const count = (s) => findings.filter((f) => f.severity === s).length;
console.log('');
console.log(`findings: ${count('HIGH')} high, ${count('MEDIUM')} medium, ${count('LOW')} low, ${count('INFORMATIONAL')} informational; scanned in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
for (const note of cspNotes) console.log(`CSP note (not a failure): ${note}`);

const jsonOut = process.argv.indexOf('--json');
if (jsonOut > 0 && process.argv[jsonOut + 1]) {
  writeFileSync(process.argv[jsonOut + 1], JSON.stringify({ scannerVersion, electronVersion, scannedFiles: scannedFiles.map(reportedPath), findings, csp: { problems: cspProblems, notes: cspNotes } }, null, 2));
}

const problems = [];
if (unjustified.length) problems.push(`${unjustified.length} high/medium finding(s) without a justification in ${relative(root, JUSTIFICATIONS)}`);
if (stale.length) problems.push(`${stale.length} justification(s) match no finding any more (remove them): ${stale.map((j) => key(j.check, j.file)).join('; ')}`);
if (cspProblems.length) problems.push(`the app's CSP has high/medium problems: ${cspProblems.join('; ')}`);
if (problems.length) fail(problems.join('\n  '));
const gated = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM').length;
console.log(`✓ electronegativity: no unjustified high or medium finding (${gated} justified by ${used.size} entries)`);
