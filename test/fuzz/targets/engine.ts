// The IPC contract: the real engine (createEngine → openDatabase on a temp SQLite file seeded with
// the demo province, every real handler) fed random channel names, random payloads and
// structurally-near-valid payloads for every channel. Every reply must be a well-formed Reply; an
// ok reply must satisfy the channel's output schema; an error must carry a known code and a clean
// message, and 'internal' (a handler threw something that is not a CodedError) is a finding.
// Also the CLI entry point (cli/wb.ts run) with random arguments against a temp database.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { contracts, isChannel, type Channel } from '../../../core/ipc/contracts';
import { ERROR_CODES } from '../../../core/result';
import { PARAMETERS } from '../../../core/transfer/parameters';
import { BRIEF_SECTIONS } from '../../../core/brief/model';
import { IMPORT_KINDS } from '../../../core/import/kinds';
import { LEVEL_CODES } from '../../../core/levels';
import { RULE_IDS } from '../../../core/compliance/types';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import type { HandlerContext } from '../../../electron/engine/dispatcher';
import { run as runCli } from '../../../cli/wb';
import { anyText, applyByteOps, buildTextFile, byteOpArb, seedsOf, textFileArb, ROOT, type SeedFile } from '../gen';
import { messageProblems, normaliseSignature, type Target, type Violation } from '../harness';

type EngineCtx = { dir: string; engine: Engine; regions: string[]; datasets: number[]; uploads: string[]; scenarios: number[]; text: SeedFile[]; internal: unknown[] };

const CHANNELS = Object.keys(contracts) as Channel[];

async function engineSetup(): Promise<EngineCtx> {
  const dir = mkdtempSync(join(tmpdir(), 'wb-fuzz-engine-'));
  const internal: unknown[] = [];
  const engine = createEngine({ file: join(dir, 'engine.sqlite'), host: 'web', appVersion: 'fuzz', log: (line) => internal.push(line) });
  const db = engine.state.db;
  const regions = (db.prepare('SELECT code FROM region ORDER BY code LIMIT 400').pluck().all() as string[]).filter((_, i) => i % 9 === 0);
  const datasets = db.prepare('SELECT id FROM dataset').pluck().all() as number[];
  const text = seedsOf('text');
  const uploads: string[] = [];
  const ctx: HandlerContext = { signal: new AbortController().signal, progress: () => {} };
  for (const s of text.filter((_, i) => i % 6 === 0).slice(0, 12)) {
    const r = await engine.dispatcher.dispatch('import.upload', { fileName: s.name, bytes: new Uint8Array(s.bytes) }, ctx);
    if (r.ok) uploads.push((r.value as { uploadId: string }).uploadId);
  }
  await engine.dispatcher.dispatch('transfer.scenarios', { regionCode: '390000' }, ctx);
  const scenarios = db.prepare('SELECT id FROM scenario').pluck().all() as number[];
  return { dir, engine, regions: ['390000', '390100', '390425', ...regions], datasets, uploads, scenarios, text, internal };
}

function engineTeardown(ctx: EngineCtx): void {
  ctx.engine.close();
  rmSync(ctx.dir, { recursive: true, force: true });
}

/** Structurally-near-valid payloads: the right field names with plausible, edge and wrong values. */
function payloadArb(ctx: EngineCtx): fc.Arbitrary<{ channel: string; input: unknown }> {
  const region = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ctx.regions) }, { weight: 1, arbitrary: fc.constantFrom('110000', '000000', '999999', '39', '3900000', 'abcdef', '') });
  const year = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 2010, max: 2026 }) }, { weight: 1, arbitrary: fc.constantFrom(1949, 2100, 1948, 2101, 2024.5, -1, Number.MAX_SAFE_INTEGER) });
  const dsId = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...(ctx.datasets.length ? ctx.datasets : [1])) }, { weight: 1, arbitrary: fc.constantFrom(0, -1, 999999, 2 ** 31, 1.5) });
  const scenarioId = fc.oneof(fc.constantFrom(...(ctx.scenarios.length ? ctx.scenarios : [1])), fc.constantFrom(999999, 0, -3, 2 ** 53));
  const scope = fc.constantFrom('consolidated', 'own_level', 'all');
  const level = fc.constantFrom(...LEVEL_CODES, 'all', 'x');
  const divisor = fc.constantFrom('autumn', 'weighted_8_4', 'average_two_autumns', 'x');
  const overlay = fc.array(fc.record({ key: fc.constantFrom(...PARAMETERS.map((p) => p.key), 'x'), value: fc.oneof(fc.double({ min: -2, max: 3, noNaN: true }), fc.constantFrom(0, 1, 1e9, -1e9)), from: fc.option(year, { nil: null }), to: fc.option(year, { nil: null }) }, { requiredKeys: ['key', 'value'] }), { maxLength: 4 });
  const scores = fc.dictionary(fc.oneof(fc.constantFrom(...ctx.regions), fc.constantFrom('000000', 'x')), fc.oneof(fc.double({ min: 0.001, max: 1e6, noNaN: true }), fc.constantFrom(0, -1, 1e308)), { maxKeys: 4 });
  const uploadId = fc.oneof(fc.constantFrom(...(ctx.uploads.length ? ctx.uploads : ['0'.repeat(64)])), fc.constantFrom('0'.repeat(64), 'f'.repeat(64), 'zz'));
  const importRequest = fc.record(
    {
      kind: fc.constantFrom(...IMPORT_KINDS),
      sheet: anyText,
      unit: fc.constantFrom('元', '万元', '亿元', '人', '万人', '平方公里'),
      map: fc.array(fc.oneof(fc.constantFrom('region=A', 'year=B', 'amount=@years', 'year==2024', 'students=#3', 'level==primary'), anyText), { maxLength: 2 }),
      where: fc.array(anyText, { maxLength: 1 }),
      controls: fc.array(fc.oneof(fc.constantFrom('2024=100', '2023=1,234.5', '2024=99999999999999999999999'), anyText), { maxLength: 2 }),
      encoding: fc.constantFrom('auto', 'utf-8', 'gb18030'),
      datasetName: anyText,
      useSavedMapping: fc.boolean(),
    },
    { requiredKeys: ['kind'] },
  );
  const fileName = fc.oneof(fc.constantFrom('a.csv', 'b.xlsx', 'c.xls', '../../etc/passwd', 'x'.repeat(255), 'noext', '中文.csv', 'CON.csv', 'a.csv\u0000.exe'), anyText);
  const sections = fc.uniqueArray(fc.constantFrom(...BRIEF_SECTIONS), { minLength: 1 });
  const tableRows = fc.array(fc.dictionary(fc.constantFrom('a', 'b', 'c', 'region', '__proto__'), fc.oneof(anyText, fc.double(), fc.constant(null)), { maxKeys: 4 }), { maxLength: 20 });
  const column = fc.record({ header: anyText, key: fc.constantFrom('a', 'b', 'c', 'region', 'missing'), kind: fc.constantFrom('text', 'integer', 'decimal2', 'percent2'), width: fc.option(fc.double({ min: -10, max: 1e6, noNaN: true }), { nil: undefined }) }, { requiredKeys: ['header', 'key', 'kind'] });
  const bytesArb = fc.oneof(
    fc.uint8Array({ maxLength: 2000 }),
    fc.record({ spec: textFileArb(ctx.text) }).map(({ spec }) => new Uint8Array(buildTextFile(ctx.text, spec))),
    fc.tuple(fc.constantFrom(...seedsOf('zip'), ...seedsOf('ole2')), fc.array(byteOpArb, { maxLength: 2 })).map(([s, ops]) => new Uint8Array(applyByteOps(s.bytes, ops))),
  );

  const byChannel: Partial<Record<Channel, fc.Arbitrary<unknown>>> = {
    'app.info': fc.constant({}),
    'regions.tree': fc.constant({}),
    'datasets.list': fc.constant({}),
    'perStudent.series': fc.record({ regionCode: region, year, scope, span: fc.integer({ min: 0, max: 31 }), expenditureDatasetId: dsId, enrolmentDatasetId: dsId }, { requiredKeys: ['regionCode', 'scope'] }),
    'import.upload': fc.record({ fileName, bytes: bytesArb }),
    'import.preview': fc.record({ uploadId, fileName, request: importRequest }),
    'import.commit': fc.record({ uploadId, fileName, request: importRequest }),
    'import.template': fc.record({ kind: fc.constantFrom(...IMPORT_KINDS, 'x') }),
    'datasets.compare': fc.record({ a: dsId, b: dsId, limit: fc.integer({ min: 0, max: 100_001 }) }, { requiredKeys: ['a', 'b'] }),
    'datasets.export': fc.record({ id: dsId, format: fc.constantFrom('xlsx', 'csv', 'arrow', 'pdf') }),
    'table.export': fc.record({ format: fc.constantFrom('xlsx', 'csv'), fileStem: fc.oneof(fc.constantFrom('表', 'a/b:c', 'x'.repeat(120)), anyText), table: fc.record({ title: anyText, columns: fc.array(column, { minLength: 0, maxLength: 4 }), rows: tableRows, provenance: fc.array(anyText, { maxLength: 2 }) }) }),
    'compliance.rules': fc.constant({}),
    'compliance.check': fc.record({ rules: fc.array(fc.constantFrom(...RULE_IDS, 'x'), { maxLength: 3 }), yearFrom: year, yearTo: year, govLevel: fc.constantFrom('province', 'prefecture', 'county', 'all', 'x'), scope, datasetIds: fc.array(dsId, { maxLength: 3 }), divisor, underRegion: region, onlyFailures: fc.boolean() }, { requiredKeys: [] }),
    'compliance.drilldown': fc.record({ rule: fc.constantFrom(...RULE_IDS), regionCode: region, year, scope, level, datasetIds: fc.array(dsId, { maxLength: 2 }), divisor }, { requiredKeys: ['rule', 'regionCode', 'year'] }),
    'compliance.annotate': fc.oneof(
      fc.record({ action: fc.constant('add'), rule: fc.constantFrom(...RULE_IDS), regionCode: region, year, level: fc.option(level, { nil: null }), scope, text: anyText, author: anyText }, { requiredKeys: ['action', 'rule', 'regionCode', 'year', 'text', 'author'] }),
      fc.record({ action: fc.constant('remove'), id: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.constantFrom(0, 2 ** 40)) }),
    ),
    'compliance.variance': fc.record({ year, govLevel: fc.constantFrom('province', 'prefecture', 'county'), scope, measure: fc.constantFrom('total', 'per_student'), level, thresholdPercent: fc.oneof(fc.constantFrom('10', '0', '0.0001', '99999999999999999999', '1e3', '-1', ''), fc.stringMatching(/^\d{1,30}(\.\d{1,30})?$/)), top: fc.integer({ min: 0, max: 1001 }), datasetIds: fc.array(dsId, { maxLength: 2 }), divisor }, { requiredKeys: ['year'] }),
    'transfer.inputs': fc.record({ regionCode: region, year, datasetIds: fc.array(dsId, { maxLength: 3 }) }, { requiredKeys: ['regionCode'] }),
    'transfer.scenarios': fc.record({ regionCode: region, year }, { requiredKeys: ['regionCode'] }),
    'transfer.edit': fc.oneof(
      fc.record({ action: fc.constant('create'), regionCode: region, year, name: fc.oneof(anyText, fc.constant('x'.repeat(101))), overlay, scores }, { requiredKeys: ['action', 'regionCode', 'name'] }),
      fc.record({ action: fc.constant('save'), id: scenarioId, year, overlay, scores }, { requiredKeys: ['action', 'id', 'overlay'] }),
      fc.record({ action: fc.constant('rename'), id: scenarioId, name: anyText }),
      fc.record({ action: fc.constantFrom('duplicate', 'delete'), id: scenarioId }),
    ),
    'transfer.goalSeek': fc.record({ regionCode: region, year, goal: fc.constantFrom('max-difficulty-weight', 'min-pool', 'x'), overlay, scores }, { requiredKeys: ['regionCode', 'goal'] }),
    'brief.compose': fc.record({ regionCode: region, year, scenarioId, sections, lang: fc.constantFrom('zh', 'en') }, { requiredKeys: ['regionCode', 'sections'] }),
    // PDF goes through headless Chromium (seconds per case): rare.
    'brief.export': fc.record({ regionCode: region, year, scenarioId, sections, lang: fc.constantFrom('zh', 'en'), format: fc.oneof({ weight: 30, arbitrary: fc.constantFrom('docx', 'xlsx') }, { weight: 1, arbitrary: fc.constant('pdf') }) }, { requiredKeys: ['regionCode', 'sections', 'format'] }),
  };
  // Channels added to the contract after this file was written: plausible field names, any values.
  const generic = fc.oneof(
    fc.constant({}),
    fc.dictionary(fc.constantFrom('id', 'file', 'fileName', 'name', 'limit', 'offset', 'format', 'regionCode', 'year', 'from', 'to', 'table', 'datasetId', 'since', 'until', 'backupId', 'path'), fc.oneof(region, year, dsId, anyText, fc.constantFrom(null, true, 0, -1, 'csv', 'json', 'xlsx')), { maxKeys: 4 }),
  );
  // Near-valid payload, then sometimes one more nudge: a field dropped, an unknown field, a wrong type.
  const nudge = fc.oneof(
    { weight: 5, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('drop'), k: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('set'), k: fc.nat(), value: fc.anything({ maxDepth: 2 }) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('add'), key: fc.constantFrom('extra', '__proto__', 'constructor'), value: fc.anything({ maxDepth: 1 }) }) },
  );
  const near = fc
    .tuple(fc.constantFrom(...CHANNELS), nudge)
    .chain(([channel, n]) => (byChannel[channel] ?? generic).map((input) => ({ channel, input: applyNudge(input, n) })));
  return fc.oneof(
    { weight: 14, arbitrary: near },
    { weight: 2, arbitrary: fc.record({ channel: fc.constantFrom(...CHANNELS), input: fc.anything({ maxDepth: 3, withTypedArray: true, withNullPrototype: true }) }) },
    { weight: 1, arbitrary: fc.record({ channel: fc.oneof(fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'app.info ', 'APP.INFO', 'db.dropEverything', ''), anyText), input: fc.anything({ maxDepth: 2 }) }) },
  );
}

type Nudge = null | { t: 'drop'; k: number } | { t: 'set'; k: number; value: unknown } | { t: 'add'; key: string; value: unknown };
function applyNudge(input: unknown, n: Nudge): unknown {
  if (!n || input === null || typeof input !== 'object' || Array.isArray(input) || input instanceof Uint8Array) return input;
  const o = { ...(input as Record<string, unknown>) };
  const keys = Object.keys(o);
  if (n.t === 'add') Object.defineProperty(o, n.key, { value: n.value, enumerable: true, configurable: true, writable: true });
  else if (keys.length) {
    const k = keys[n.k % keys.length]!;
    if (n.t === 'drop') delete o[k];
    else o[k] = n.value;
  }
  return o;
}

function showPayload(p: { channel: string; input: unknown }): string {
  return `${JSON.stringify(p.channel)} ← ${fc.stringify(p.input)}`;
}

export const dispatcherTarget: Target<{ channel: string; input: unknown }, EngineCtx> = {
  name: 'ipc.dispatcher',
  runs: 3_500,
  smokeRuns: 40,
  setup: engineSetup,
  teardown: engineTeardown,
  arb: payloadArb,
  show: showPayload,
  check: async ({ channel, input }, ctx) => {
    const before = ctx.internal.length;
    const hc: HandlerContext = { signal: new AbortController().signal, progress: () => {} };
    let reply: unknown;
    try {
      reply = await ctx.engine.dispatcher.dispatch(channel, input, hc);
    } catch (e) {
      return { signature: `dispatch(${channel}) rejected instead of replying: ${e instanceof Error ? e.name : typeof e}`, detail: String(e) };
    }
    const inputText = `${channel} ${fc.stringify(input)}`;
    const r = reply as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown; details?: unknown } };
    if (r === null || typeof r !== 'object' || (r.ok !== true && r.ok !== false)) return { signature: `dispatch(${channel}): not a Reply`, detail: String(reply) };
    if (r.ok === true) {
      if (!('value' in r)) return { signature: `dispatch(${channel}): ok reply without value`, detail: '' };
      if (!isChannel(channel)) return { signature: `dispatch: ok reply for unknown channel ${channel}`, detail: '' };
      const out = contracts[channel].output.safeParse(r.value);
      if (!out.success) return { signature: `dispatch(${channel}): ok value breaks the output contract at ${out.error.issues[0]?.path.join('.')}: ${out.error.issues[0]?.message}`, detail: JSON.stringify(out.error.issues).slice(0, 600) };
      return null;
    }
    const e = r.error;
    if (!e || typeof e.code !== 'string' || typeof e.message !== 'string') return { signature: `dispatch(${channel}): malformed error`, detail: JSON.stringify(r) };
    if (!(ERROR_CODES as readonly string[]).includes(e.code)) return { signature: `dispatch(${channel}): unknown error code ${e.code}`, detail: e.message };
    if (e.code === 'internal' || ctx.internal.length > before) {
      const logged = ctx.internal.slice(before).map(String).join('\n');
      return { signature: `dispatch(${channel}): internal error: ${normaliseSignature(e.message)}`, detail: `${e.message}\n${logged.slice(0, 1200)}` };
    }
    if (e.code !== 'bad_input') {
      const bad = messageProblems(e.message, inputText);
      if (bad.length) return { signature: `dispatch(${channel}) ${e.code}: message ${bad.join(', ')}`, detail: e.message };
    } else if (/\n\s+at\s/.test(e.message)) return { signature: `dispatch(${channel}) bad_input: stack trace in message`, detail: e.message };
    return null;
  },
};

// ---- the CLI ------------------------------------------------------------------------------------------

type CliCtx = { dir: string; db: string; files: string[] };

const COMMAND_OPTIONS: Record<string, string[]> = {
  info: ['format'],
  'per-student': ['region', 'year', 'scope', 'divisor', 'format'],
  check: ['rule', 'year', 'from', 'to', 'level', 'scope', 'dataset', 'divisor', 'region', 'failures', 'format'],
  import: ['kind', 'sheet', 'unit', 'map', 'where', 'dataset', 'basis', 'scope', 'stage', 'encoding', 'password', 'control', 'dry-run', 'format'],
  export: ['dataset', 'format', 'out', 'force'],
  template: ['kind', 'out', 'force'],
  compare: ['a', 'b', 'limit', 'format'],
  simulate: ['scenario', 'year', 'format', 'list-parameters'],
  optimise: ['goal', 'scenario', 'region', 'year', 'format'],
  brief: ['region', 'year', 'scenario', 'sections', 'lang', 'format', 'out'],
  demo: ['out', 'scale', 'seed'],
};
const VALUES = ['390000', '390425', '110000', '2024', '2015', '1948', 'json', 'table', 'csv', 'text', 'xlsx', 'docx', 'html', 'expenditure', 'enrolment', 'regions', 'consolidated', 'own_level', 'both', 'autumn', 'county', 'all', '1', '2', '0', '-1', '99999999999999999999', 'edu-spending-no-decrease', 'per-student-no-decrease', 'max-difficulty-weight', 'min-pool', 'zh', 'en', 'spending,per_student', 'region=A', '2024=100', 'gb18030', 'province'];

export const cliTarget: Target<{ command: string; args: { opt: string; value: string | null }[]; positional: number | null; extra: string[] }, CliCtx> = {
  name: 'cli.run',
  runs: 800,
  smokeRuns: 15,
  setup: () => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-fuzz-cli-'));
    const db = join(dir, 'cli.sqlite');
    createEngine({ file: db, host: 'web', appVersion: 'fuzz' }).close();
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'broken.json'), '{"format":"edu-finance-scenario/1",');
    writeFileSync(join(dir, 'empty.json'), '');
    copyFileSync(join(ROOT, 'test/fixtures/scenarios/tilt.json'), join(dir, 'tilt.json'));
    const seeds = [...seedsOf('text').filter((_, i) => i % 10 === 0), ...seedsOf('zip').slice(0, 3), ...seedsOf('ole2').slice(0, 2)];
    return { dir, db, files: [join(dir, 'tilt.json'), join(dir, 'broken.json'), join(dir, 'empty.json'), join(dir, 'missing.json'), join(dir, 'out'), ...seeds.map((s) => s.path)] };
  },
  teardown: (ctx) => rmSync(ctx.dir, { recursive: true, force: true }),
  arb: (ctx) => {
    const commands = Object.keys(COMMAND_OPTIONS).filter((c) => c !== 'demo');
    return fc
      .record({
        command: fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...commands) }, { weight: 1, arbitrary: fc.constantFrom('demo', 'help', 'nope', '') }),
        optsSeed: fc.array(fc.tuple(fc.nat(), fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...VALUES) }, { weight: 1, arbitrary: fc.nat({ max: ctx.files.length - 1 }).map(String).map((i) => `@file${i}`) }, { weight: 1, arbitrary: anyText }), fc.boolean()), { maxLength: 5 }),
        positional: fc.option(fc.nat({ max: ctx.files.length - 1 }), { nil: null }),
        extra: fc.array(fc.oneof(fc.constantFrom('--help', '--nope', '-x', '--', '--db'), anyText), { maxLength: 1 }),
      })
      .map(({ command, optsSeed, positional, extra }) => {
        const names = COMMAND_OPTIONS[command] ?? ['format'];
        return { command, args: optsSeed.map(([k, value, bare]) => ({ opt: names[k % names.length]!, value: bare && k % 5 === 0 ? null : value })), positional, extra };
      });
  },
  show: (c) => JSON.stringify(c),
  check: async (c, ctx) => {
    const argv: string[] = ['--db', ctx.db, c.command];
    for (const a of c.args) {
      argv.push(`--${a.opt}`);
      if (a.value === null) continue;
      let value = a.value.startsWith('@file') ? (ctx.files[Number(a.value.slice(5))] ?? a.value) : a.value;
      // Anything written goes to the temp folder, never to the working directory.
      if (a.opt === 'out') value = join(ctx.dir, 'out', `${Math.abs(hash(value)) % 1000}.${/\.\w+$/.exec(value)?.[0] ?? 'bin'}`);
      argv.push(value);
    }
    if (c.positional !== null) argv.push(ctx.files[c.positional]!);
    for (const x of c.extra) if (x !== '--db') argv.push(x);
    if (c.command === 'demo') return null; // writes a whole demo database: covered by its own tests
    let out = '';
    let err = '';
    let code: number;
    try {
      code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
    } catch (e) {
      return { signature: `wb ${c.command}: run() threw instead of exiting`, detail: String(e) };
    }
    if (code === 3) return { signature: `wb ${c.command}: exit 3 (unexpected error): ${normaliseSignature(err.split('\n')[0] ?? '')}`, detail: `${argv.join(' ')}\n${err.slice(0, 1500)}` };
    if (![0, 1, 2].includes(code)) return { signature: `wb ${c.command}: exit ${code}`, detail: err.slice(0, 500) };
    if (/\n\s+at\s.+:\d+:\d+/.test(err)) return { signature: `wb ${c.command}: stack trace on stderr`, detail: err.slice(0, 1500) };
    if (code === 2 && err.trim() !== '') {
      const bad = messageProblems(err, argv.join(' ') + out);
      if (bad.length) return { signature: `wb ${c.command}: usage message ${bad.join(', ')}`, detail: `${argv.join(' ')}\n${err.slice(0, 800)}` };
    }
    void out;
    return null;
  },
};

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}

export const ENGINE_TARGETS = [dispatcherTarget, cliTarget];
export type { Violation };
