// The aid reports the CLI, the engine and the exports share: need by unit and item, and a quota
// allocation — each with the datasets and parameters it used and their hashes, so a figure can be
// traced to its source file and to the scenario that produced it.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { allocateQuotas, quotaFromCoverage, quotaProblems, type QuotaProblem, type QuotaResult, type QuotaUnit } from '../../core/aid/allocate';
import { AID_ITEM_INFO, AID_ITEMS, type AidItem } from '../../core/aid/items';
import { aidNeed, type AidNeed } from '../../core/aid/need';
import { resolveAidParams, type AidParams } from '../../core/aid/params';
import { AidScenario, DEFAULT_COVERAGE_BP, DEFAULT_WEIGHTS, itemForLevel, type AidAllocation } from '../../core/aid/scenario';
import type { LevelCode } from '../../core/levels';
import { CodedError } from '../../core/result';
import { gatherAidInputs, quotaUnits, type AidInputs } from './inputs';

export type ItemTotal = { item: AidItem; needFen: number | null; centralFen: number | null; localFen: number | null; budgetFen: number | null; gapFen: number | null; units: number; unitsMissing: number };

export type NeedReport = {
  inputs: AidInputs;
  params: AidParams;
  scenario: AidScenario;
  scenarioHash: string;
  needs: AidNeed[];
  totals: ItemTotal[];
};

export function scenarioHash(s: AidScenario): string {
  return createHash('sha256').update(JSON.stringify(s)).digest('hex');
}

const EMPTY: AidScenario = { name: '现行标准', overlay: {} };

function requireAidData(inputs: AidInputs): void {
  if (!inputs.sources.aid) {
    throw new CodedError('bad_input', `${inputs.region.name}（${inputs.region.code}）${inputs.year} 年没有学生资助数据：请先导入 --kind aid（认定人数、寄宿生、核定学费、预算额）/ no student-aid data for ${inputs.region.code} in ${inputs.year}: import a file with --kind aid first`);
  }
}

export function needReport(db: Database.Database, regionCode: string, year: number, scenario: AidScenario = EMPTY): NeedReport {
  const inputs = gatherAidInputs(db, regionCode, year);
  requireAidData(inputs);
  const params = resolveAidParams(year, scenario.overlay);
  const needs = inputs.units.map((u) => aidNeed(u, params));
  const totals: ItemTotal[] = AID_ITEMS.map((item) => {
    const rows = needs.flatMap((n) => n.rows.filter((r) => r.item === item));
    const known = rows.filter((r) => r.needFen !== null);
    const sum = (pick: (r: (typeof rows)[number]) => number | null) => (known.length === 0 || known.some((r) => pick(r) === null) ? null : known.reduce((t, r) => t + pick(r)!, 0));
    const withBudget = known.filter((r) => r.budgetFen !== null);
    return {
      item,
      needFen: known.length ? known.reduce((t, r) => t + r.needFen!, 0) : null,
      centralFen: sum((r) => r.centralFen),
      localFen: sum((r) => r.localFen),
      budgetFen: withBudget.length ? withBudget.reduce((t, r) => t + r.budgetFen!, 0) : null,
      gapFen: withBudget.length ? withBudget.reduce((t, r) => t + r.gapFen!, 0) : null,
      units: known.length,
      unitsMissing: rows.filter((r) => r.missing !== null && r.missing.code !== 'not_applicable').length,
    };
  });
  return { inputs, params, scenario, scenarioHash: scenarioHash(scenario), needs, totals };
}

export type AllocationReport = {
  inputs: AidInputs;
  scenario: AidScenario;
  scenarioHash: string;
  level: LevelCode;
  item: AidItem | null;
  total: number;
  totalFrom: 'given' | 'coverage';
  coverageBp: number | null;
  result: QuotaResult;
  /** Units priced at a per-student amount, and the reason where not. */
  pricing: string;
  /** Units that do not run the level (no students, no identified students): not part of the split. */
  excluded: { code: string; name: string }[];
};

export class QuotaInputError extends CodedError {
  constructor(readonly problems: QuotaProblem[], message: string) {
    super('bad_input', message);
  }
}

function priceUnits(units: QuotaUnit[], inputs: AidInputs, params: AidParams, level: LevelCode, item: AidItem | null): string {
  if (!item) return '该学段没有对应的资助项目，名额不折算金额';
  const info = AID_ITEM_INFO[item];
  if (item === 'living_subsidy') return '生活补助按寄宿与否标准不同，名额不折算金额（见资助需求）';
  if (info.basis === 'approved_fee') {
    for (const u of units) u.perStudentFen = inputs.units.find((x) => x.code === u.code)?.levels[level]?.approvedFeeFen ?? null;
    return `按各县核定学（杂）费折算（${info.zh}）`;
  }
  const tiers = item === 'senior_grant' || item === 'voc_grant' ? params.tiers[item] : undefined;
  const std = info.basis === 'provincial_standard' ? params.preschoolStandard : params.standard(item, level);
  if (tiers) return '已设省定分档：名额按档折算见资助需求，此处不折算金额';
  if (!std) return `${info.zh}在 ${params.date} 没有标准，名额不折算金额`;
  for (const u of units) u.perStudentFen = std.value;
  return `按${info.zh}${std.source === 'scenario' ? '方案标准' : '国家平均标准'} ${std.value / 100} 元/生·年折算`;
}

export function allocationReport(db: Database.Database, regionCode: string, year: number, scenario: AidScenario & { allocation: AidAllocation }): AllocationReport {
  const inputs = gatherAidInputs(db, regionCode, year);
  requireAidData(inputs);
  const a = scenario.allocation;
  const level = a.level as LevelCode;
  const item = itemForLevel(level, a.item);
  const params = resolveAidParams(year, scenario.overlay);
  // A county with enrolment at other levels but neither students nor identified students at this
  // one does not run the level: it takes no part, and the report lists it as 不适用.
  const all = quotaUnits(inputs, level);
  const runsOther = (code: string) => Object.values(inputs.units.find((u) => u.code === code)?.levels ?? {}).some((l) => l.enrolled !== null && l.enrolled > 0);
  const excluded = all.filter((u) => (u.enrolled === null || u.enrolled === 0) && (u.eligible === null || u.eligible === 0) && runsOther(u.code)).map((u) => ({ code: u.code, name: u.name }));
  const units = all.filter((u) => !excluded.some((x) => x.code === u.code));
  const coverageBp = a.total === undefined ? (a.coverage ?? DEFAULT_COVERAGE_BP[level] ?? null) : null;
  let total: number;
  if (a.total !== undefined) total = a.total;
  else {
    if (coverageBp === null) throw new CodedError('bad_input', `${level} 没有公布的资助面：请给出名额总数（total）或资助面（coverage）/ no published coverage for ${level}: give the quota total or a coverage`);
    const t = quotaFromCoverage(units, coverageBp);
    if (t === null) throw new QuotaInputError([{ code: 'missing_input', field: 'enrolled', units: units.filter((u) => u.enrolled === null).map((u) => u.code) }], '按资助面计算名额总数需要每个县的在校生数 / the quota from coverage needs every unit\'s enrolment');
    total = t;
  }
  const rule = { total, weights: { ...DEFAULT_WEIGHTS, ...(a.weights ?? {}) }, minRatioBp: a.min_ratio ?? 10000, capEligibleBp: a.cap_eligible ?? null };
  const problems = quotaProblems(units, rule);
  if (problems.length) throw new QuotaInputError(problems, describeQuotaProblems(problems, inputs));
  const pricing = priceUnits(units, inputs, params, level, item);
  return { inputs, scenario, scenarioHash: scenarioHash(scenario), level, item, total, totalFrom: a.total !== undefined ? 'given' : 'coverage', coverageBp, result: allocateQuotas(units, rule), pricing, excluded };
}

const FIELD_ZH = { enrolled: '在校生数', eligible: '认定家庭经济困难学生数', gdp_per_head: '人均地区生产总值', revenue_per_head: '人均一般公共预算收入' } as const;

export function describeQuotaProblems(problems: readonly QuotaProblem[], inputs: AidInputs): string {
  const name = (code: string) => inputs.units.find((u) => u.code === code)?.name ?? code;
  return problems
    .map((p) => {
      if (p.code === 'weights_zero') return '因素权重全为 0：至少一个因素的权重须大于 0 / every factor weight is 0';
      if (p.code === 'total_invalid') return `名额总数 ${p.total} 不是非负整数 / the quota total must be a whole number ≥ 0`;
      const list = p.units.slice(0, 12).map((c) => `${name(c)}（${c}）`).join('、');
      return `${inputs.year} 年缺少${FIELD_ZH[p.field]}：${list}${p.units.length > 12 ? ` 等 ${p.units.length} 个` : ''} / missing ${p.field} for ${p.units.length} unit(s)`;
    })
    .join('\n');
}

/** Parse an aid scenario file's text (a UTF-8 BOM is allowed); problems in plain words. */
export function parseAidScenario(text: string): { ok: true; scenario: AidScenario } | { ok: false; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, problems: [`不是有效的 JSON：${(e as Error).message} / not valid JSON`] };
  }
  const r = AidScenario.safeParse(json);
  if (!r.success) return { ok: false, problems: r.error.issues.map((i) => `${i.path.join('.') || '(根)'}: ${i.message}`) };
  return { ok: true, scenario: r.data };
}
