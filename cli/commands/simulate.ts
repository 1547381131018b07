// wb simulate — evaluate a scenario file against the baseline rule (and any alternatives in the
// file) on the database's counties; wb optimise — goal seeking with the HiGHS LP solver. Both run
// the same core/transfer code as the app. simulate exits 1 when the scenario makes a county fail a
// never-decrease rule that the baseline passes; optimise exits 1 when the goal is infeasible.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { compareGroups, countyTable, report, type ScenarioReport } from '../../core/transfer/compare';
import { seekGoal, type GoalKind } from '../../core/transfer/goal';
import type { SimInputs } from '../../core/transfer/inputs';
import { PARAMETERS } from '../../core/transfer/parameters';
import type { Warning } from '../../core/transfer/evaluate';
import { prepare } from '../../core/transfer/prepare';
import { MAX_SCENARIO_FILE_CHARS, overlayOf, parseScenarioFile, type ScenarioFile } from '../../core/transfer/scenario-file';
import { CodedError } from '../../core/result';
import { gatherSimInputs } from '../../db/transfer/inputs';
import { loadSolver } from '../../db/transfer/solver';
import { oneOf, optionalInt, parse } from '../args';
import { openForCli } from '../database';
import { EXIT, UsageError, type CliIO } from '../io';
import { renderCsv, renderJson, renderTable, type Cell } from '../output';
import { GapFactorUnavailableError, NoFactorWeightError } from '../../core/transfer/shares';
import { gapReach, type GapReach } from '../../core/transfer/gap-reach';

export const simulateHelp = `wb simulate --scenario FILE.json [--year Y] [--fill-missing zero] [--format table|csv|json] | wb simulate --list-parameters
wb simulate --init --region CODE [--year Y] [--units county|prefecture|province] --out FILE.json
  --init writes a scenario file (identical to the baseline) for the units the data basis covers, to edit and run.
  A unit-year the data basis does not cover (no enrolment, spending, population, area, revenue or expenditure)
  is refused (exit 2, each unit and year named) unless --fill-missing zero says to read it as 0.
  Transfer allocation under a scenario file (docs/scenario-file.md) vs the baseline rule and the file's alternatives:
  per-county allocation, per-student funding, never-decrease rules re-run, equity before/after, groups by tier.
  Exit 1 when the scenario makes a county fail a never-decrease rule that passes under the baseline.`;

export const optimiseHelp = `wb optimise --goal max-difficulty-weight|min-pool (--scenario FILE.json | --region CODE) [--year Y] [--format table|json]
  Goal seeking with the HiGHS LP solver: (a) the largest difficulty-factor weight, or (b) the smallest pool, that keeps
  every county at its per-student floor with neither its education spending nor that spending per student falling
  (after the pass-through); caps, hold-harmless and the growth band are re-checked on the full model. Exit 1 when infeasible.`;

const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const wan = (fen: number) => (fen / 1e6).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const f6 = (x: number | null | undefined) => (x === null || x === undefined ? null : x.toFixed(6));

/** A run's warning in words, naming up to eight units. */
function warningText(w: Warning, inputs: SimInputs): string {
  const units = (w.units ?? []).slice(0, 8).map((i) => `${inputs.units[i]!.name}（${inputs.units[i]!.code}）`).join('、') + ((w.units?.length ?? 0) > 8 ? ` 等 ${w.units!.length} 个` : '');
  switch (w.code) {
    case 'scores_partial':
      return `${w.detail} 个单位没有困难评分，按系数 0（平均水平）计算，平均分只取给出的评分：${units}`;
    case 'bounds_conflict':
      return `${w.detail} 个单位的上限低于下限，上限让位于下限：${units}`;
    case 'factor_empty':
      return `因素 ${w.detail} 的数据合计为 0，未参与分配`;
    case 'tier_missing':
      return `${w.detail} 个单位没有发展档次，无法按档次预分，改为统一分配：${units}`;
    case 'standard_exceeds_pool':
      return `基准定额部分超过资金总额，已按比例压缩（${w.detail}）`;
    case 'infeasible_low':
      return `保底需要的资金超过资金总额（${w.detail}），各单位按下限比例分配`;
    case 'infeasible_high':
      return `上限总和小于资金总额（${w.detail}），各单位按上限比例分配`;
  }
}

function readScenario(path: string): ScenarioFile {
  let text: string;
  try {
    // Refuse an oversized file before reading it into memory.
    const size = statSync(path).size;
    if (size > MAX_SCENARIO_FILE_CHARS * 4) throw new UsageError(`方案文件 ${path} 过大（${size} 字节）/ the scenario file ${path} is ${size} bytes; at most ${MAX_SCENARIO_FILE_CHARS} characters are read`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`无法读取方案文件 ${path}：${(e as Error).message} / cannot read the scenario file`);
  }
  const parsed = parseScenarioFile(text);
  if (!parsed.ok) throw new UsageError(`方案文件 ${path} 有误 / the scenario file ${path} is not valid:\n${parsed.problems.map((p) => `  ${p}`).join('\n')}`);
  return parsed.value;
}

/** Holes in the inputs, grouped by what is missing: refused unless the user said how to fill them. */
function refuseHoles(inputs: SimInputs, fill: 'zero' | undefined, io: CliIO): void {
  const holes = inputs.holes ?? [];
  if (holes.length === 0) return;
  const by = new Map<string, string[]>();
  for (const h of holes) by.set(h.reason, [...(by.get(h.reason) ?? []), `${h.name}（${h.code}）${h.year}`]);
  const text = [...by].map(([reason, units]) => `  ${reason}: ${units.length} 个单位 / units: ${units.slice(0, 12).join('、')}${units.length > 12 ? ` … 另 ${units.length - 12} 个` : ''}`).join('\n');
  if (fill === 'zero') {
    io.err(`注意 / note: 以下缺失数据按 0 计算（--fill-missing zero）/ read as 0 as asked:\n${text}\n`);
    return;
  }
  throw new UsageError(`数据基础有缺口，不能模拟 / the data basis has holes; not simulating:\n${text}\n  ${inputs.basis?.line ?? ''}\n  补充数据（wb import）、改变数据基础（wb basis set），或用 --fill-missing zero 明确按 0 计算 / import the data, change the basis, or pass --fill-missing zero`);
}

function gather(dbOption: string | undefined, io: CliIO, regionCode: string, year: number | undefined, unitLevel: ScenarioFile['units'] = 'county', fill?: 'zero'): SimInputs {
  const { db } = openForCli(dbOption, io);
  try {
    const inputs = gatherSimInputs(db, { regionCode, year, unitLevel });
    refuseHoles(inputs, fill, io);
    return inputs;
  } catch (e) {
    if (e instanceof CodedError && (e.code === 'bad_input' || e.code === 'not_found')) throw new UsageError(e.message);
    throw e;
  } finally {
    db.close();
  }
}

function sources(inputs: SimInputs): string {
  return inputs.datasets.map((d) => `#${d.id} ${d.name} sha256 ${d.sha256.slice(0, 12)}`).join('; ');
}

function reachOf(inputs: SimInputs, r: ScenarioReport): GapReach {
  return gapReach(inputs, r.result.allocation.amounts, r.result.params['gap.spend_share']);
}

function reachJson(g: GapReach) {
  return { available: g.available, reason: g.reason, spend_share: g.spendShare, units: g.units, met_now: g.metNow, by_year: g.byYear.map((y) => ({ year: y.year, counties: y.count, share: y.share, reached_by_closing: y.reached })), assumption: g.assumption.zh };
}

function jsonReport(r: ScenarioReport, inputs: SimInputs) {
  return {
    name: r.name,
    quality_balance_reach: reachJson(reachOf(inputs, r)),
    params_hash: r.result.paramsHash,
    data_hash: r.result.dataHash,
    pool_fen: r.result.allocation.pool,
    feasible: r.result.allocation.feasible,
    warnings: r.result.allocation.warnings.map((w) => ({ code: w.code, detail: w.detail, units: w.units?.length ?? 0 })),
    what_changed: r.changes.map((c) => ({ key: c.key, label: c.label.zh, unit: c.unit, from: c.from, to: c.to, period: c.period, reference: c.reference })),
    failures: { edu_spending_no_decrease: r.result.counts.eduSpending, per_student_no_decrease: r.result.counts.perStudent },
    gaining: r.winners.gaining,
    losing: r.winners.losing,
    diverted_by_bounds_fen: r.diversion.total,
    diverted_by_reason_fen: r.diversion.byReason,
    equity: r.equity && {
      before: { cv: r.equity.before.cv, gini: r.equity.before.gini, mcloone: r.equity.before.mcloone, theil: r.equity.before.theil, federal_range_ratio: r.equity.before.federalRangeRatio, wealth_correlation: r.equity.before.wealthCorrelation },
      after: { cv: r.equity.after.cv, gini: r.equity.after.gini, mcloone: r.equity.after.mcloone, theil: r.equity.after.theil, federal_range_ratio: r.equity.after.federalRangeRatio, wealth_correlation: r.equity.after.wealthCorrelation },
    },
    counties: r.rows.map((u) => ({ code: u.code, name: u.name, tier: u.tier, allocation_fen: u.allocation, baseline_fen: u.baseline, delta_fen: u.delta, held: u.held, edu_per_student_after_fen: u.perStudentAfter === null ? null : Math.round(u.perStudentAfter), rule_a: u.ruleA, rule_b: u.ruleB, new_failure: u.newFailure })),
  };
}

/** Scores for regions that are not units of this pool are not used: say so on stderr, naming them. */
function warnUnknownScores(io: CliIO, inputs: SimInputs, scenarios: { name: string; scores: Record<string, number> }[]): void {
  const units = new Set(inputs.units.map((u) => u.code));
  for (const s of scenarios) {
    const unknown = Object.keys(s.scores).filter((code) => !units.has(code));
    if (!unknown.length) continue;
    const shown = unknown.slice(0, 20).join(', ') + (unknown.length > 20 ? ` … (${unknown.length - 20} more)` : '');
    io.err(`注意：方案「${s.name}」有 ${unknown.length} 个困难程度得分不属于本次分配的单位，未使用：${shown} / warning: ${unknown.length} difficulty scores in "${s.name}" are for regions that are not units of this pool and were ignored\n`);
  }
}

/** A scenario the simulator cannot split the pool by is bad input (exit 2), never a crash. */
function asBadInput<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof NoFactorWeightError || e instanceof GapFactorUnavailableError) throw new UsageError(`方案无法计算 / the scenario cannot be computed: ${e.message}`);
    throw e;
  }
}

export function simulateCommand(argv: string[], io: CliIO, dbOption: string | undefined): number {
  return asBadInput(() => simulateRun(argv, io, dbOption));
}

function simulateRun(argv: string[], io: CliIO, dbOption: string | undefined): number {
  const { values } = parse(argv, {
    scenario: { type: 'string' },
    year: { type: 'string' },
    format: { type: 'string' },
    'list-parameters': { type: 'boolean' },
    'fill-missing': { type: 'string' },
    init: { type: 'boolean' },
    region: { type: 'string' },
    units: { type: 'string' },
    out: { type: 'string' },
  });
  const fill = values['fill-missing'] === undefined ? undefined : oneOf(values, 'fill-missing', ['zero'] as const, 'zero');
  if (values.init) return initScenario(values, io, dbOption, fill);
  if (values['list-parameters']) {
    // The baseline values are dated: each applies from its year on, so a run for 2022 and one for
    // 2024 can start from different pools and quotas.
    io.out(renderTable(['参数', '名称', '单位', '范围', '基准值（自某年起）', '依据'], PARAMETERS.map((d) => [d.key, d.label.zh, d.unit, `${d.min}…${d.max}`, d.baseline.map((b) => `${b.from}起 ${b.value}`).join('；'), d.reference])));
    return EXIT.ok;
  }
  if (typeof values.scenario !== 'string') throw new UsageError('--scenario FILE.json is required (see docs/scenario-file.md)');
  const file = readScenario(values.scenario);
  const format = oneOf(values, 'format', ['table', 'csv', 'json'] as const, 'table');
  const year = optionalInt(values, 'year', 1949, 2100) ?? file.year;
  const inputs = gather(dbOption, io, file.region, year, file.units, fill);
  warnUnknownScores(io, inputs, [file, ...file.alternatives]);
  const p = prepare(inputs);
  const reports = [
    report(p, { name: '基准', overlay: [] }),
    report(p, { name: file.name, overlay: overlayOf(file), scores: file.scores }),
    // An alternative starts from the main scenario: its own entries come later and win.
    ...file.alternatives.map((a) => report(p, { name: a.name, overlay: [...overlayOf(file), ...overlayOf(a)], scores: a.scores ?? file.scores })),
  ];
  const proposal = reports[1]!;
  const newFailures = proposal.result.counts.eduSpending.newlyFailing + proposal.result.counts.perStudent.newlyFailing;
  if (format === 'json') {
    io.out(renderJson({ region: inputs.regionCode, region_name: inputs.regionName, year: inputs.year, data_hash: inputs.dataHash, basis: inputs.basis, holes_filled_with_zero: fill === 'zero' ? (inputs.holes ?? []) : [], datasets: inputs.datasets, gap_source: inputs.gap ? { year: inputs.gap.year, source: inputs.gap.source, reason: inputs.gap.reason, hash: inputs.gap.hash } : null, scenarios: reports.map((r) => jsonReport(r, inputs)), by_tier: compareGroups(reports, 'tier'), by_urban_rural: compareGroups(reports, 'urban_rural'), by_enrolment_band: compareGroups(reports, 'enrolment_band') }));
  } else if (format === 'csv') {
    const t = countyTable(reports);
    io.out(renderCsv(t.headers, t.rows as Cell[][]));
  } else {
    io.out(`${inputs.regionName}（${inputs.regionCode}）${inputs.year} 年 转移支付模拟：${file.name}\n`);
    io.out(`参数哈希 ${proposal.result.paramsHash.slice(0, 16)}  数据哈希 ${inputs.dataHash.slice(0, 16)}\n`);
    io.out(proposal.changes.length ? `变更 / what changed:\n${proposal.changes.map((c) => `  ${c.label.zh}（${c.key}）：${c.from} → ${c.to}${c.period.from || c.period.to ? `，${c.period.from ?? '…'}–${c.period.to ?? '…'}` : ''}  [${c.reference}]`).join('\n')}\n` : '与基准相同 / identical to the baseline\n');
    io.out(
      renderTable(
        ['方案', '资金总额(万元)', '增加县', '减少县', '教育支出下降县', '生均下降县', '新增不达标', '边界调剂(万元)', 'CV 前→后', 'Gini 前→后'],
        reports.map((r) => [
          r.name,
          wan(r.result.allocation.pool),
          r.winners.gaining,
          r.winners.losing,
          r.result.counts.eduSpending.scenario,
          r.result.counts.perStudent.scenario,
          r.result.counts.eduSpending.newlyFailing + r.result.counts.perStudent.newlyFailing,
          wan(r.diversion.total),
          r.equity ? `${f6(r.equity.before.cv)}→${f6(r.equity.after.cv)}` : null,
          r.equity ? `${f6(r.equity.before.gini)}→${f6(r.equity.after.gini)}` : null,
        ]),
        [false, true, true, true, true, true, true, true, false, false],
      ),
    );
    io.out('按发展档次（万元）/ by development tier:\n');
    io.out(renderTable(['档次', '学生数', ...reports.map((r) => r.name)], compareGroups(reports, 'tier').map((g) => [g.group, g.students, ...g.values.map((v) => wan(v.allocation))]), [false, true, ...reports.map(() => true)]));
    io.out(
      renderTable(
        ['代码', '县', '档', '基准(元)', '方案(元)', '变化(元)', '约束', '生均教育支出(元)', '支出不减', '生均不减'],
        proposal.rows.map((u) => [u.code, u.name, u.tier, yuan(u.baseline), yuan(u.allocation), yuan(u.delta), u.held === 'free' ? null : u.held, u.perStudentAfter === null ? null : yuan(u.perStudentAfter), u.ruleA, u.ruleB]),
        [false, false, true, true, true, true, false, true, false, false],
      ),
    );
    const reaches = reports.map((r) => reachOf(inputs, r));
    io.out('优质均衡资源配置达标县数（若转移支付用于补齐缺口）/ counties meeting the 优质均衡 resource standards if the transfer closes gaps:\n');
    if (!reaches[0]!.available) io.out(`  ${reaches[0]!.reason}\n`);
    else {
      io.out(renderTable(['方案', '现已达标', ...reaches[0]!.byYear.map((y) => `${y.year}年`)], reports.map((r, i) => [r.name, `${reaches[i]!.metNow}/${reaches[i]!.units}`, ...reaches[i]!.byYear.map((y) => `${y.count}（${(y.share * 100).toFixed(1)}%）`)]), [false, true, ...reaches[0]!.byYear.map(() => true)]));
      io.out(`  ${reaches[1]!.assumption.zh}；缺口数据 ${inputs.gap?.source ?? ''}\n`);
    }
    for (const r of reports) for (const w of r.result.allocation.warnings) io.err(`${r.name}：${warningText(w, inputs)}\n`);
    io.out(`数据来源 / sources: ${sources(inputs)}\n${inputs.basis?.line ?? ''}\n假设：转移支付变化按 ${proposal.result.params['outcome.pass_through']! * 100}% 计入教育支出 / assumption: a change in transfer reaches education spending at the pass-through share\n`);
  }
  return newFailures > 0 ? EXIT.failures : EXIT.ok;
}

export async function optimiseCommand(argv: string[], io: CliIO, dbOption: string | undefined): Promise<number> {
  try {
    return await optimiseRun(argv, io, dbOption);
  } catch (e) {
    if (e instanceof NoFactorWeightError || e instanceof GapFactorUnavailableError) throw new UsageError(`方案无法计算 / the scenario cannot be computed: ${e.message}`);
    throw e;
  }
}

async function optimiseRun(argv: string[], io: CliIO, dbOption: string | undefined): Promise<number> {
  const { values } = parse(argv, { goal: { type: 'string' }, scenario: { type: 'string' }, region: { type: 'string' }, year: { type: 'string' }, format: { type: 'string' }, 'fill-missing': { type: 'string' } });
  const goal = oneOf(values, 'goal', ['max-difficulty-weight', 'min-pool'] as const satisfies readonly GoalKind[], 'max-difficulty-weight');
  if (values.goal === undefined) throw new UsageError('--goal max-difficulty-weight|min-pool is required');
  const format = oneOf(values, 'format', ['table', 'json'] as const, 'table');
  const file = typeof values.scenario === 'string' ? readScenario(values.scenario) : null;
  const region = file?.region ?? (values.region as string | undefined);
  if (!region || !/^\d{6}$/.test(region)) throw new UsageError('give --scenario FILE.json or --region CODE (six digits)');
  const year = optionalInt(values, 'year', 1949, 2100) ?? file?.year;
  const inputs = gather(dbOption, io, region, year, file?.units, values['fill-missing'] === 'zero' ? 'zero' : undefined);
  if (file) warnUnknownScores(io, inputs, [file]);
  const p = prepare(inputs);
  const r = seekGoal(p, { name: file?.name ?? '基准', overlay: file ? overlayOf(file) : [], scores: file?.scores }, goal, await loadSolver());
  if (format === 'json') io.out(renderJson({ region: inputs.regionCode, year: inputs.year, data_hash: inputs.dataHash, ...r }));
  else {
    io.out(`${inputs.regionName}（${inputs.regionCode}）${inputs.year} 年 目标求解 ${goal}（HiGHS，${r.lp.constraints} 个约束）\n${r.message.zh}\n${r.message.en}\n`);
    if (r.check) io.out(`全模型复核 / full-model check: 教育支出下降县 ${r.check.eduSpendingFailures}，生均下降县 ${r.check.perStudentFailures}，低于下限县 ${r.check.belowFloor}\n`);
    const reason = { floor: '生均下限', edu_spending_no_decrease: '教育支出不减', per_student_no_decrease: '生均不减' } as const;
    if (r.binding.length) io.out(renderTable(['代码', '县', '约束', '需要(元)'], r.binding.map((b) => [b.code, b.name, reason[b.reason], yuan(b.needFen)]), [false, false, false, true]));
  }
  return r.feasible ? EXIT.ok : EXIT.failures;
}

/** wb simulate --init: a scenario file from the data, identical to the baseline, for the units the basis covers. */
function initScenario(values: Record<string, unknown>, io: CliIO, dbOption: string | undefined, fill: 'zero' | undefined): number {
  const region = values.region;
  if (typeof region !== 'string' || !/^\d{6}$/.test(region)) throw new UsageError('--init needs --region CODE (six digits; 000000 = the whole country)');
  const out = values.out;
  if (typeof out !== 'string' || out === '') throw new UsageError('--init needs --out FILE.json');
  if (existsSync(out)) throw new UsageError(`${out} already exists; choose a new file name`);
  const year = optionalInt(values, 'year', 1949, 2100);
  const units = oneOf(values, 'units', ['county', 'prefecture', 'province'] as const, region === '000000' ? 'province' : 'county');
  const inputs = gather(dbOption, io, region, year, units, fill);
  const LABEL = { province: '省', prefecture: '市', county: '县' } as const;
  const file = { format: 'edu-finance-scenario/1', name: `${inputs.regionName}${inputs.year}年方案`, region: inputs.regionCode, units, year: inputs.year, description: `由数据生成：${inputs.units.length} 个${LABEL[units]}级单位；${inputs.basis?.line ?? ''}`, parameters: {}, alternatives: [] };
  const check = parseScenarioFile(JSON.stringify(file));
  if (!check.ok) throw new Error(`generated scenario is not valid: ${check.problems.join('; ')}`);
  writeFileSync(out, JSON.stringify(file, null, 2) + '\n', { flag: 'wx' });
  io.out(`${out}: ${inputs.regionName}（${inputs.regionCode}）${inputs.year} 年，${inputs.units.length} 个${LABEL[units]}级单位 / units；数据哈希 ${inputs.dataHash.slice(0, 16)}\n`);
  return EXIT.ok;
}
