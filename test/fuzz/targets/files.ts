// File targets: openSource (CSV/TSV with encoding detection, .xlsx via exceljs, legacy .xls via
// SheetJS + officecrypto-tool) and the whole import pipeline (runImport against a real SQLite
// database), on random bytes and on mutated copies of real files (written to a temp dir; the
// originals are only read).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import Database from 'better-sqlite3';
import { openSource, type TableSource } from '../../../db/import/read';
import { runImport } from '../../../db/import/run';
import { createRegionDirectory } from '../../../db/import/region-directory';
import { configureConnection } from '../../../db/open';
import { createEngine } from '../../../electron/engine/engine';
import { ImportOutcome, ImportRequest, type ImportRequestInput } from '../../../core/import/request';
import { IMPORT_KINDS } from '../../../core/import/kinds';
import { anyText, applyByteOps, buildTextFile, byteOpArb, cellArb, mutateXlsx, seedsOf, textFileArb, xmlOpArb, type ByteOp, type SeedFile, type TextFileSpec, type XmlOp } from '../gen';
import { judgeThrown, rawThrow, type Target, type Violation } from '../harness';
import { problemViolations } from './pure';

const FILE_NAMES = ['data.csv', 'data.tsv', 'data.xlsx', 'data.xls', '数据 2024.csv', 'noext', '.csv', 'a.b.c.txt', 'UPPER.XLSX', '表7-6.xls'];

type FileCtx = { dir: string; n: number; text: SeedFile[]; zip: SeedFile[]; ole2: SeedFile[] };

function fileSetup(): FileCtx {
  return { dir: mkdtempSync(join(tmpdir(), 'wb-fuzz-')), n: 0, text: seedsOf('text'), zip: seedsOf('zip'), ole2: seedsOf('ole2') };
}
function fileTeardown(ctx: FileCtx): void {
  rmSync(ctx.dir, { recursive: true, force: true });
}
/** A fresh sub-folder per case, so the file name can be anything the case asks for. */
function writeCase(ctx: FileCtx, fileName: string, bytes: Uint8Array): string {
  const dir = join(ctx.dir, String(ctx.n++ % 64));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, fileName);
  writeFileSync(path, bytes);
  return path;
}

/** Open, read every sheet to the end, ask for flags and for a sheet that is not there, close. */
async function readEverything(path: string, options: { encoding?: 'auto' | 'utf-8' | 'gb18030'; password?: string }, inputText: string): Promise<Violation | null> {
  let source: TableSource;
  try {
    source = await openSource(path, options);
  } catch (e) {
    return judgeThrown('openSource', e, { reader: true }, inputText);
  }
  try {
    for (const sheet of source.sheets) {
      let prev = 0;
      for await (const batch of source.rowsBatched(sheet, 97)) {
        for (const r of batch) {
          if (r.n !== prev + 1) return { signature: `rows(${source.format}): row numbers not consecutive`, detail: `${prev} then ${r.n}` };
          prev = r.n;
          for (const c of r.cells) {
            if (c !== null && typeof c !== 'string' && typeof c !== 'number') return { signature: `rows(${source.format}): cell of type ${typeof c}`, detail: String(c) };
            if (typeof c === 'number' && !Number.isFinite(c)) return { signature: `rows(${source.format}): non-finite number cell`, detail: String(c) };
          }
        }
      }
      const flags = await source.flags(sheet);
      // A hidden row is flagged as a whole row: col -1 (core/import/cells.ts); every other flag names a cell.
      for (const f of flags) if (!Number.isInteger(f.row) || f.row < 1 || !Number.isInteger(f.col) || f.col < (f.kind === 'hidden_row' ? -1 : 0) || (f.kind === 'hidden_row' && f.col !== -1)) return { signature: `flags(${source.format}): bad flag position`, detail: JSON.stringify(f) };
    }
    try {
      for await (const _ of source.rows('\u0000no such sheet')) break;
      return { signature: `rows(${source.format}): unknown sheet accepted`, detail: source.sheets.join(',') };
    } catch (e) {
      const j = judgeThrown('rows(unknown sheet)', e, { reader: true }, inputText);
      if (j) return j;
    }
    return null;
  } catch (e) {
    return judgeThrown(`read ${source.format}`, e, { reader: true }, inputText);
  } finally {
    await source.close().catch(() => {});
  }
}

// ---- CSV / TSV ---------------------------------------------------------------------------------------

type TextCase = { fileName: string; file: { from: 'seed'; spec: TextFileSpec } | { from: 'random'; bytes: number[] }; encoding: 'auto' | 'utf-8' | 'gb18030' };

export const readTextTarget: Target<TextCase, FileCtx> = {
  name: 'import.read-csv',
  runs: 6_000,
  smokeRuns: 30,
  setup: fileSetup,
  teardown: fileTeardown,
  arb: (ctx) =>
    fc.record({
      fileName: fc.constantFrom(...FILE_NAMES),
      file: fc.oneof({ weight: 5, arbitrary: textFileArb(ctx.text).map((spec) => ({ from: 'seed' as const, spec })) }, { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 2000 }).map((bytes) => ({ from: 'random' as const, bytes })) }),
      encoding: fc.constantFrom('auto' as const, 'auto' as const, 'utf-8' as const, 'gb18030' as const),
    }),
  show: (c) => JSON.stringify(c.file.from === 'seed' ? { ...c, seed: '(see spec.seed)' } : c).slice(0, 4000),
  check: async (c, ctx) => {
    const bytes = c.file.from === 'seed' ? buildTextFile(ctx.text, c.file.spec) : Buffer.from(c.file.bytes);
    const path = writeCase(ctx, c.fileName, bytes);
    try {
      return await readEverything(path, { encoding: c.encoding }, bytes.toString('latin1'));
    } finally {
      unlinkSync(path);
    }
  },
};

// ---- .xlsx --------------------------------------------------------------------------------------------

type XlsxCase = { fileName: string; seed: number; xml: XmlOp[]; bytes: ByteOp[]; password: string | undefined };

export const readXlsxTarget: Target<XlsxCase, FileCtx> = {
  name: 'import.read-xlsx',
  runs: 600,
  smokeRuns: 20,
  setup: fileSetup,
  teardown: fileTeardown,
  arb: (ctx) =>
    fc.record({
      fileName: fc.constantFrom(...FILE_NAMES),
      seed: fc.nat({ max: ctx.zip.length - 1 }),
      xml: fc.array(xmlOpArb, { maxLength: 4 }),
      bytes: fc.oneof({ weight: 4, arbitrary: fc.constant([] as ByteOp[]) }, { weight: 1, arbitrary: fc.array(byteOpArb, { minLength: 1, maxLength: 3 }) }),
      password: fc.constantFrom(undefined, undefined, 'secret', 'wrong', ''),
    }),
  show: (c) => JSON.stringify(c),
  check: async (c, ctx) => {
    const seed = ctx.zip[c.seed]!;
    let bytes: Buffer;
    try {
      bytes = (c.xml.length ? await mutateXlsx(seed.bytes, c.xml) : null) ?? seed.bytes;
    } catch (e) {
      return rawThrow('fuzz harness: mutateXlsx', e);
    }
    bytes = applyByteOps(bytes, c.bytes);
    const path = writeCase(ctx, c.fileName, bytes);
    try {
      return await readEverything(path, c.password === undefined ? {} : { password: c.password }, `${seed.name} ${JSON.stringify(c.xml)}`);
    } finally {
      unlinkSync(path);
    }
  },
};

// ---- .xls (BIFF in OLE2, maybe encrypted) ----------------------------------------------------------------

type XlsCase = { fileName: string; seed: number; bytes: ByteOp[]; password: string | undefined };

export const readXlsTarget: Target<XlsCase, FileCtx> = {
  name: 'import.read-xls',
  runs: 600,
  smokeRuns: 20,
  setup: (): FileCtx => {
    const ctx = fileSetup();
    // Encrypted .xlsx files are OLE2 too: officecrypto-tool sees them first.
    return { ...ctx, ole2: [...ctx.ole2] };
  },
  teardown: fileTeardown,
  arb: (ctx) =>
    fc.record({
      fileName: fc.constantFrom(...FILE_NAMES),
      seed: fc.nat({ max: ctx.ole2.length - 1 }),
      bytes: fc.array(byteOpArb, { maxLength: 5 }),
      password: fc.constantFrom(undefined, undefined, 'secret', 'wrong', 'VelvetSweatshop'),
    }),
  show: (c) => JSON.stringify(c),
  check: async (c, ctx) => {
    const seed = ctx.ole2[c.seed]!;
    const bytes = applyByteOps(seed.bytes, c.bytes);
    const path = writeCase(ctx, c.fileName, bytes);
    try {
      return await readEverything(path, c.password === undefined ? {} : { password: c.password }, seed.name);
    } finally {
      unlinkSync(path);
    }
  },
};

// ---- generated workbooks: formula cells, merged headers, empty sheets, huge numbers ---------------------

type GenSheet = { name: string; rows: (string | number | null | { formula: string; result?: number | string } | Date)[][]; merges: [number, number, number, number][] };
type GenCase = { sheets: GenSheet[]; request: ImportRequestInput; xml: XmlOp[] };

const genCell = fc.oneof(
  { weight: 8, arbitrary: cellArb },
  { weight: 1, arbitrary: fc.record({ formula: fc.constantFrom('SUM(B2:B3)', '1/0', 'NA()', 'A1', 'B2*2'), result: fc.option(fc.oneof(fc.double({ noNaN: true }), fc.constantFrom('#DIV/0!', 'x')), { nil: undefined }) }, { requiredKeys: ['formula'] }) },
  { weight: 1, arbitrary: fc.date({ min: new Date(-1e13), max: new Date(1e13), noInvalidDate: true }) },
);
const HEADER = ['地区', '年份', '教育经费（万元）', '在校学生数（人）', '学段', '2022年', '2023年', '地区生产总值(亿元)', '区划代码'];
const genSheet: fc.Arbitrary<GenSheet> = fc.record({
  name: fc.oneof(fc.constantFrom('Sheet1', '表1', '数据', 'History', 'x'.repeat(31)), fc.string({ minLength: 1, maxLength: 10 })),
  rows: fc.oneof(
    fc.constant([] as GenSheet['rows']),
    fc.tuple(fc.subarray(HEADER, { minLength: 1 }), fc.array(fc.array(genCell, { maxLength: 8 }), { maxLength: 12 }), fc.array(fc.array(fc.constantFrom('表 1', '单位：万元', ''), { maxLength: 3 }), { maxLength: 2 })).map(([h, rows, pre]): GenSheet['rows'] => [...pre, h, ...rows]),
  ),
  merges: fc.array(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 10 })), { maxLength: 3 }),
});

const requestArb: fc.Arbitrary<ImportRequestInput> = fc.record(
  {
    kind: fc.constantFrom(...IMPORT_KINDS),
    sheet: fc.oneof(fc.constantFrom('Sheet1', '表1', 'nope', ''), anyText),
    unit: fc.constantFrom('元', '千元', '万元', '亿元', '人', '万人', '平方公里', '万平方公里') as fc.Arbitrary<ImportRequestInput['unit']>,
    map: fc.array(fc.oneof(fc.constantFrom('region=A', 'region=地区', 'year=B', 'year==2024', 'amount=C', 'amount=@years', 'students=#4', 'level==primary', 'gdp=ZZ', 'region=#0', 'amount=', '=x', 'x', 'region==北京', 'unit=单位'), anyText), { maxLength: 3 }),
    where: fc.array(fc.oneof(fc.constantFrom('指标=教育', 'A=北京', '#1=x', 'nope'), anyText), { maxLength: 2 }),
    datasetName: fc.oneof(fc.constantFrom('fuzz', '数据集'), anyText.filter((s) => s.length > 0)),
    basis: fc.constantFrom('moe_edu_funds' as const, 'mof_205' as const),
    scope: fc.constantFrom('consolidated' as const, 'own_level' as const),
    stage: fc.constantFrom('flash' as const, 'bulletin' as const, 'yearbook' as const, 'other' as const),
    encoding: fc.constantFrom('auto' as const, 'utf-8' as const, 'gb18030' as const),
    password: fc.constantFrom('secret', 'x'),
    controls: fc.array(fc.oneof(fc.constantFrom('2024=100', 'amount:2023=1,234.5', '2024=', '2024=.', '2024=1.2.3', '2024=99999999999999999999999999', 'x'), anyText), { maxLength: 2 }),
    useSavedMapping: fc.boolean(),
  },
  { requiredKeys: ['kind'] },
);

async function buildWorkbook(sheets: GenSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const used = new Set<string>();
  for (const s of sheets) {
    let name = s.name.replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || 'S';
    while (used.has(name.toLowerCase())) name = `${name.slice(0, 28)}_${used.size}`;
    used.add(name.toLowerCase());
    let ws: ExcelJS.Worksheet;
    try {
      ws = wb.addWorksheet(name);
    } catch {
      ws = wb.addWorksheet(`S${used.size}`);
    }
    s.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        const target = ws.getCell(r + 1, c + 1);
        target.value = cell instanceof Date || cell === null || typeof cell !== 'object' ? (typeof cell === 'number' && !Number.isFinite(cell) ? String(cell) : cell) : (cell as ExcelJS.CellFormulaValue);
      });
    });
    for (const [r1, c1, r2, c2] of s.merges) {
      try {
        ws.mergeCells(r1, c1, r2, c2);
      } catch {
        // overlapping merges: exceljs refuses them, as Excel would
      }
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type ImportCtx = FileCtx & { dbFile: string; db: Database.Database };

function importSetup(): ImportCtx {
  const ctx = fileSetup();
  const dbFile = join(ctx.dir, 'import.sqlite');
  createEngine({ file: dbFile, host: 'web', appVersion: 'fuzz' }).close();
  const db = new Database(dbFile);
  configureConnection(db);
  return { ...ctx, dbFile, db };
}

async function importCase(ctx: ImportCtx, fileName: string, bytes: Uint8Array, requestInput: ImportRequestInput, dryRun: boolean, inputText: string): Promise<Violation | null> {
  const parsed = ImportRequest.safeParse(requestInput);
  if (!parsed.success) return null; // the contract refuses it before any import runs
  const path = writeCase(ctx, fileName, bytes);
  try {
    let outcome: ImportOutcome;
    try {
      outcome = await runImport(path, parsed.data, { db: ctx.db, regions: createRegionDirectory(ctx.db), dryRun, displayName: fileName });
    } catch (e) {
      if (ctx.db.inTransaction) ctx.db.exec('ROLLBACK');
      return judgeThrown('runImport', e, { coded: true }, inputText);
    }
    if (ctx.db.inTransaction) return { signature: 'runImport: left a transaction open', detail: outcome.status };
    const shape = ImportOutcome.safeParse(outcome);
    if (!shape.success) return { signature: `runImport: outcome breaks the ImportOutcome contract at ${shape.error.issues[0]?.path.join('.')}`, detail: JSON.stringify(shape.error.issues).slice(0, 800) };
    if (outcome.status === 'refused' && outcome.problems.length === 0) return { signature: 'runImport: refused without a problem', detail: JSON.stringify(outcome).slice(0, 800) };
    return problemViolations(`runImport(${parsed.data.kind})`, outcome.problems, fileName, inputText);
  } finally {
    unlinkSync(path);
  }
}

type RunCase = { fileName: string; file: { t: 'text'; spec: TextFileSpec } | { t: 'xlsx'; seed: number; xml: XmlOp[] } | { t: 'xls'; seed: number; bytes: ByteOp[] }; request: ImportRequestInput; dryRun: boolean };

export const runImportTarget: Target<RunCase, ImportCtx> = {
  name: 'import.run',
  runs: 1_500,
  smokeRuns: 20,
  setup: importSetup,
  teardown: (ctx) => {
    ctx.db.close();
    fileTeardown(ctx);
  },
  arb: (ctx) =>
    fc.record({
      fileName: fc.constantFrom(...FILE_NAMES),
      file: fc.oneof(
        { weight: 6, arbitrary: textFileArb(ctx.text).map((spec) => ({ t: 'text' as const, spec })) },
        { weight: 2, arbitrary: fc.record({ t: fc.constant('xlsx' as const), seed: fc.nat({ max: ctx.zip.length - 1 }), xml: fc.array(xmlOpArb, { maxLength: 3 }) }) },
        { weight: 1, arbitrary: fc.record({ t: fc.constant('xls' as const), seed: fc.nat({ max: ctx.ole2.length - 1 }), bytes: fc.array(byteOpArb, { maxLength: 2 }) }) },
      ),
      request: requestArb,
      dryRun: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    }),
  show: (c) => JSON.stringify(c),
  check: async (c, ctx) => {
    let bytes: Buffer;
    let name: string;
    if (c.file.t === 'text') {
      bytes = buildTextFile(ctx.text, c.file.spec);
      name = ctx.text[c.file.spec.seed]!.name;
    } else if (c.file.t === 'xlsx') {
      const seed = ctx.zip[c.file.seed]!;
      bytes = (c.file.xml.length ? await mutateXlsx(seed.bytes, c.file.xml) : null) ?? seed.bytes;
      name = seed.name;
    } else {
      const seed = ctx.ole2[c.file.seed]!;
      bytes = applyByteOps(seed.bytes, c.file.bytes);
      name = seed.name;
    }
    return importCase(ctx, c.fileName, bytes, c.request, c.dryRun, `${name} ${JSON.stringify(c.request)} ${bytes.toString('latin1')}`);
  },
};

export const generatedXlsxTarget: Target<GenCase, ImportCtx> = {
  name: 'import.generated-xlsx',
  runs: 500,
  smokeRuns: 10,
  setup: importSetup,
  teardown: (ctx) => {
    ctx.db.close();
    fileTeardown(ctx);
  },
  arb: () => fc.record({ sheets: fc.array(genSheet, { minLength: 1, maxLength: 3 }), request: requestArb, xml: fc.oneof({ weight: 3, arbitrary: fc.constant([] as XmlOp[]) }, { weight: 1, arbitrary: fc.array(xmlOpArb, { minLength: 1, maxLength: 2 }) }) }),
  show: (c) => fc.stringify(c),
  check: async (c, ctx) => {
    let bytes: Buffer;
    try {
      bytes = await buildWorkbook(c.sheets);
      if (c.xml.length) bytes = (await mutateXlsx(bytes, c.xml)) ?? bytes;
    } catch (e) {
      return rawThrow('fuzz harness: building the workbook', e);
    }
    const inputText = fc.stringify(c);
    const path = writeCase(ctx, 'generated.xlsx', bytes);
    let read: Violation | null;
    try {
      read = await readEverything(path, {}, inputText);
    } finally {
      unlinkSync(path);
    }
    return read ?? importCase(ctx, 'generated.xlsx', bytes, c.request, true, inputText);
  },
};

export const FILE_TARGETS = [readTextTarget, readXlsxTarget, readXlsTarget, runImportTarget, generatedXlsxTarget];
