// wb aid need|allocate — student aid (学生资助): what each unit needs under the standards in force
// (or a scenario's), and a province's quota split among its counties by need. `allocate` exits 1
// when any county's quota is below its identified eligible students (不漏一人).
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AID_FACTORS } from '../../core/aid/allocate';
import { AID_ITEM_INFO } from '../../core/aid/items';
import type { AidNeedRow, MissingReason } from '../../core/aid/need';
import { AidAllocation, type AidScenario } from '../../core/aid/scenario';
import { levelInfo } from '../../core/levels';
import { formatRatio } from '../../core/money';
import { CodedError } from '../../core/result';
import { aidWorkbook } from '../../db/aid/export';
import { allocationReport, needReport, parseAidScenario, type AllocationReport, type NeedReport } from '../../db/aid/report';
import { oneOf, optionalInt, parse, requireString } from '../args';
import { openForCli } from '../database';
import { EXIT, UsageError, type CliIO } from '../io';
import { renderCsv, renderJson, renderTable, type Cell } from '../output';

export const aidHelp = `wb aid need --region CODE --year Y [--scenario FILE.json] [--format table|csv|json] [--out FILE.xlsx [--force]]
wb aid allocate --region CODE --year Y --level L [--total N | --coverage BP] [--weights students=…,eligible=…,economic=…,fiscal=…] [--min-ratio BP] [--cap-eligible BP] [--scenario FILE.json] [--format …] [--out FILE.xlsx [--force]]
  Student aid: need by county and item (eligible × standard, central share by 档, local part, budget, gap);
  quota allocation by need with floors (eligible × min ratio) and caps. Exit 1 when a county's quota is below its eligible students.`;

const MAX_SCENARIO_BYTES = 1_000_000;
const yuan = (fen: number | null) => (fen === null ? null : formatRatio(BigInt(fen), 100n, 2));

function readScenario(path: string): AidScenario {
  let text: string;
  try {
    if (statSync(path).size > MAX_SCENARIO_BYTES) throw new UsageError(`方案文件 ${path} 超过 1 MB / the scenario file is over 1 MB`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`无法读取方案文件 ${path}：${(e as Error).message} / cannot read the scenario file`);
  }
  const r = parseAidScenario(text);
  if (!r.ok) throw new UsageError(`方案文件 ${path} 有误 / the scenario file is not valid:\n${r.problems.slice(0, 20).map((p) => `  ${p}`).join('\n')}`);
  return r.scenario;
}

export function missingText(m: MissingReason): string {
  const level = 'level' in m ? levelInfo(m.level).zh : '';
  switch (m.code) {
    case 'no_eligible':
      return `无数据：缺${level}认定学生数`;
    case 'no_enrolled':
      return `无数据：缺${level}在校生数`;
    case 'no_boarders':
      return `无数据：缺${level}寄宿生数`;
    case 'no_fee':
      return `无数据：缺${level}核定学费`;
    case 'no_standard':
      return `无数据：${m.date} 无适用标准`;
    case 'no_non_boarder_share':
      return `无数据：${m.date} 无非寄宿生比例`;
    case 'not_applicable':
      return `不适用：无${level}在校生`;
  }
}

function needRows(report: NeedReport): { code: string; name: string; row: AidNeedRow }[] {
  return report.needs.flatMap((n) => n.rows.map((row) => ({ code: n.code, name: n.name, row })));
}

function provenanceLines(r: { inputs: NeedReport['inputs']; scenario: AidScenario; scenarioHash: string }): string[] {
  const s = r.inputs.sources;
  const ds = (label: string, d: typeof s.aid) => `${label}：${d ? `#${d.id} ${d.name}${d.synthetic ? '（合成数据）' : ''} sha256 ${d.sha256.slice(0, 12)}… 导入于 ${d.importedAt}` : '无'}`;
  const dang = r.inputs.dang === null ? '档次未知（中央分担未计算）' : `第${'一二三四五'[r.inputs.dang - 1]}档（${r.inputs.dangSource === 'law' ? '国办发〔2018〕6号' : '取自地区档次设置'}）`;
  return [ds('资助数据', s.aid), ds('在校生', s.enrolment), ds('财力指标', s.fiscal), `分担档次：${dang}`, `方案：${r.scenario.name} sha256 ${r.scenarioHash.slice(0, 12)}…`];
}

function printNeed(report: NeedReport, format: 'table' | 'csv' | 'json', io: CliIO): void {
  const rows = needRows(report);
  if (format === 'json') {
    io.out(
      renderJson({
        region: report.inputs.region,
        year: report.inputs.year,
        reference_date: report.params.date,
        dang: report.inputs.dang,
        dang_source: report.inputs.dangSource,
        sources: report.inputs.sources,
        scenario: report.scenario,
        scenario_hash: report.scenarioHash,
        totals: report.totals,
        units: report.needs,
      }),
    );
    return;
  }
  const headers = ['code', 'name', 'item', 'level', 'recipients', 'need_yuan', 'central_yuan', 'local_yuan', 'province_yuan', 'county_yuan', 'budget_yuan', 'gap_yuan', 'status'];
  const cells: Cell[][] = rows.map(({ code, name, row }) => [
    code,
    name,
    AID_ITEM_INFO[row.item].zh,
    levelInfo(row.level).zh,
    row.recipients,
    yuan(row.needFen),
    yuan(row.centralFen),
    yuan(row.localFen),
    yuan(row.provinceFen),
    yuan(row.countyFen),
    yuan(row.budgetFen),
    yuan(row.gapFen),
    row.missing ? missingText(row.missing) : row.notes.join('；') || 'ok',
  ]);
  if (format === 'csv') {
    io.out(renderCsv(headers, cells));
    return;
  }
  io.out(`${report.inputs.region.name}（${report.inputs.region.code}）${report.inputs.year} 年学生资助需求；标准按 ${report.params.date} 在用；金额单位 元\n`);
  for (const l of provenanceLines(report)) io.out(`  ${l}\n`);
  io.out('\n');
  io.out(
    renderTable(
      ['项目', '需求', '中央', '地方', '预算（有预算者）', '缺口（有预算者）', '已计算', '无数据'],
      report.totals.map((t) => [AID_ITEM_INFO[t.item].zh, yuan(t.needFen), yuan(t.centralFen), yuan(t.localFen), yuan(t.budgetFen), yuan(t.gapFen), t.units, t.unitsMissing]),
      [false, true, true, true, true, true, true, true],
    ),
  );
  io.out('\n');
  io.out(renderTable(['代码', '名称', '项目', '学段', '受助人数', '需求', '中央', '地方', '省级', '县级', '预算', '缺口', '说明'], cells, [false, false, false, false, true, true, true, true, true, true, true, true, false]));
}

function printAllocation(report: AllocationReport, format: 'table' | 'csv' | 'json', io: CliIO): void {
  const r = report.result;
  if (format === 'json') {
    io.out(
      renderJson({
        region: report.inputs.region,
        year: report.inputs.year,
        level: report.level,
        item: report.item,
        total: report.total,
        total_from: report.totalFrom,
        coverage_bp: report.coverageBp,
        status: r.status,
        weights: r.normalisedWeights,
        weights_normalised: r.weightsNormalised,
        pricing: report.pricing,
        money_fen: r.moneyFen,
        short_of: r.shortOf,
        not_applicable: report.excluded,
        sources: report.inputs.sources,
        scenario: report.scenario,
        scenario_hash: report.scenarioHash,
        rows: r.rows,
      }),
    );
    return;
  }
  const headers = ['code', 'name', 'enrolled', 'eligible', 'floor', 'cap', 'quota', 'held', 'shortfall', 'money_yuan'];
  const cells: Cell[][] = r.rows.map((x) => [x.code, x.name, x.enrolled, x.eligible, x.floor, x.cap, x.quota, x.held, x.shortfall, yuan(x.moneyFen)]);
  if (format === 'csv') {
    io.out(renderCsv(headers, cells));
    return;
  }
  io.out(`${report.inputs.region.name}（${report.inputs.region.code}）${report.inputs.year} 年 ${levelInfo(report.level).zh} 资助名额分配：共 ${report.total} 名（${report.totalFrom === 'given' ? '给定' : `在校生 × 资助面 ${report.coverageBp! / 100}%`}）\n`);
  io.out(`  权重${r.weightsNormalised ? '（已按合计归一）' : ''}：${AID_FACTORS.map((f) => `${f} ${(r.normalisedWeights[f] * 100).toFixed(2)}%`).join('，')}\n`);
  io.out(`  金额：${report.pricing}${r.moneyFen !== null ? `，合计 ${yuan(r.moneyFen)} 元` : ''}\n`);
  for (const l of provenanceLines(report)) io.out(`  ${l}\n`);
  if (report.excluded.length) io.out(`  不适用（无该学段学生，不参与分配）：${report.excluded.map((x) => x.name).join('、')}\n`);
  if (r.status !== 'ok') io.out(`  注意：${r.status === 'infeasible_low' ? '名额总数小于各县下限之和，按下限比例分配' : '名额总数大于各县上限之和，按上限比例分配'}\n`);
  io.out('\n');
  io.out(renderTable(['代码', '名称', '在校生', '认定人数', '下限', '上限', '名额', '受约束', '缺额', '金额（元）'], cells, [false, false, true, true, true, true, true, false, true, true]));
  io.out(r.shortOf.length ? `\n不漏一人：${r.shortOf.length} 个县名额少于认定人数：${r.shortOf.map((s) => `${s.name} 缺 ${s.shortfall}`).join('、')}\n` : '\n不漏一人：每个县的名额都不少于认定人数\n');
}

function parseWeights(text: string | undefined): AidAllocation['weights'] {
  if (text === undefined) return undefined;
  const out: Record<string, number> = {};
  for (const part of text.split(',')) {
    const [k, v] = part.split('=');
    if (!k || v === undefined || !(AID_FACTORS as readonly string[]).includes(k.trim()) || !/^\d+(\.\d+)?$/.test(v.trim())) throw new UsageError(`--weights: "${part}" should be FACTOR=NUMBER with FACTOR one of ${AID_FACTORS.join('|')}`);
    out[k.trim()] = Number(v);
  }
  return out as AidAllocation['weights'];
}

function writeWorkbook(path: string, force: boolean, dbFile: string, bytes: Uint8Array): void {
  const target = resolve(path);
  const db = resolve(dbFile);
  if ([db, `${db}-wal`, `${db}-shm`, `${db}-journal`].includes(target)) throw new UsageError(`--out ${path} 是正在使用的数据库文件，不能覆盖 / refusing to write onto the open database`);
  if (existsSync(target) && !force) throw new UsageError(`--out ${path} 已存在；如确需覆盖请加 --force / ${path} exists; add --force to replace it`);
  writeFileSync(target, bytes);
}

export async function aidCommand(argv: string[], io: CliIO, dbOption: string | undefined): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'need' && sub !== 'allocate') throw new UsageError('wb aid need|allocate …');
  const { values } = parse(rest, {
    region: { type: 'string' },
    year: { type: 'string' },
    scenario: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    level: { type: 'string' },
    item: { type: 'string' },
    total: { type: 'string' },
    coverage: { type: 'string' },
    weights: { type: 'string' },
    'min-ratio': { type: 'string' },
    'cap-eligible': { type: 'string' },
  });
  const region = requireString(values, 'region', 'a six-digit GB/T 2260 region code');
  if (!/^\d{6}$/.test(region)) throw new UsageError(`--region must be a six-digit code, got "${region}"`);
  const year = optionalInt(values, 'year', 1949, 2100);
  if (year === undefined) throw new UsageError('--year is required, e.g. 2024');
  const format = oneOf(values, 'format', ['table', 'csv', 'json'] as const, 'table');
  const scenario = typeof values.scenario === 'string' ? readScenario(values.scenario) : { name: '现行标准', overlay: {} };
  const { db, file } = openForCli(dbOption, io);
  try {
    if (sub === 'need') {
      const report = needReport(db, region, year, scenario);
      printNeed(report, format, io);
      if (typeof values.out === 'string') writeWorkbook(values.out, values.force === true, file, await aidWorkbook({ need: report }));
      return EXIT.ok;
    }
    const fromFlags = {
      ...(scenario.allocation ?? {}),
      ...(typeof values.level === 'string' ? { level: values.level } : {}),
      ...(typeof values.item === 'string' ? { item: values.item } : {}),
      ...(values.total !== undefined ? { total: optionalInt(values, 'total', 0, 1e9) } : {}),
      ...(values.coverage !== undefined ? { coverage: optionalInt(values, 'coverage', 0, 10000) } : {}),
      ...(values.weights !== undefined ? { weights: parseWeights(values.weights as string) } : {}),
      ...(values['min-ratio'] !== undefined ? { min_ratio: optionalInt(values, 'min-ratio', 0, 100000) } : {}),
      ...(values['cap-eligible'] !== undefined ? { cap_eligible: optionalInt(values, 'cap-eligible', 0, 1000000) } : {}),
    };
    const parsed = AidAllocation.safeParse(fromFlags);
    if (!parsed.success) throw new UsageError(`分配参数有误 / allocation settings are not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'level'}: ${i.message}`).join('; ')}${fromFlags.level === undefined ? ' (give --level)' : ''}`);
    const report = allocationReport(db, region, year, { ...scenario, allocation: parsed.data });
    printAllocation(report, format, io);
    if (typeof values.out === 'string') writeWorkbook(values.out, values.force === true, file, await aidWorkbook({ allocation: report }));
    return report.result.shortOf.length ? EXIT.failures : EXIT.ok;
  } catch (e) {
    if (e instanceof CodedError && e.code === 'bad_input') throw new UsageError(e.message);
    throw e;
  } finally {
    db.close();
  }
}

