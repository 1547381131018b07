// What each region needs for each aid item: recipients × the per-student amount, split into the
// central share (by the province's 档) and the local share (province and county, by the province's
// own rule when the user has set it). Everything is whole 分; a missing input gives a row with
// `missing` set and no amounts, never a zero.
import type { LevelCode } from '../levels';
import { AID_ITEM_INFO, AID_ITEMS, type AidItem } from './items';
import type { AidParams, Sourced } from './params';
import { shareOf, splitWhole } from './split';

export type AidLevelInput = {
  enrolled: number | null;
  /** Identified students from families in financial difficulty (all categories). */
  eligible: number | null;
  /** Of the eligible, those boarding (compulsory levels only). */
  boarders: number | null;
  /** The locally approved fee, 分 per student per year (fee waivers). */
  approvedFeeFen: number | null;
};

export type AidRegionInput = {
  code: string;
  name: string;
  /** The central cost-sharing 档 of the province the region belongs to (1–5), or null when unknown. */
  dang: 1 | 2 | 3 | 4 | 5 | null;
  levels: Partial<Record<LevelCode, AidLevelInput>>;
  /** What the region has budgeted for each item, 分. */
  budgetFen: Partial<Record<AidItem, number>>;
};

export type MissingReason =
  | { code: 'no_eligible'; level: LevelCode }
  | { code: 'no_enrolled'; level: LevelCode }
  | { code: 'no_boarders'; level: LevelCode }
  | { code: 'no_fee'; level: LevelCode }
  | { code: 'no_standard'; level: LevelCode; date: string }
  | { code: 'no_non_boarder_share'; date: string }
  | { code: 'not_applicable'; level: LevelCode };

export type AidNeedRow = {
  item: AidItem;
  level: LevelCode;
  recipients: number | null;
  /** How recipients were counted: the identified eligible students, or enrolled × coverage. */
  recipientsFrom: 'eligible' | 'coverage';
  /** The per-student amount(s) used, with their source. */
  amounts: { label: string; perStudentFen: number; students: number; source: Sourced<number> | null }[];
  needFen: number | null;
  centralFen: number | null;
  centralShareBp: number | null;
  localFen: number | null;
  provinceFen: number | null;
  countyFen: number | null;
  budgetFen: number | null;
  /** need − budget: positive = a shortfall. */
  gapFen: number | null;
  missing: MissingReason | null;
  notes: string[];
};

export type AidNeed = { code: string; name: string; dang: AidRegionInput['dang']; rows: AidNeedRow[];
  /** Σ need over the rows that could be computed; `incomplete` says whether any could not. */
  knownNeedFen: number;
  incomplete: boolean;
};

function recipientsOf(item: AidItem, level: LevelCode, input: AidLevelInput | undefined, params: AidParams): { n: number | null; from: 'eligible' | 'coverage'; missing: MissingReason | null } {
  // A level with no students at all is not a hole in the data: the item does not apply there.
  if (input?.enrolled === 0) return { n: null, from: 'eligible', missing: { code: 'not_applicable', level } };
  const coverage = params.coverage[item];
  if (coverage !== undefined) {
    if (input?.enrolled === null || input?.enrolled === undefined) return { n: null, from: 'coverage', missing: { code: 'no_enrolled', level } };
    return { n: shareOf(input.enrolled, coverage), from: 'coverage', missing: null };
  }
  if (input?.eligible === null || input?.eligible === undefined) return { n: null, from: 'eligible', missing: { code: 'no_eligible', level } };
  return { n: input.eligible, from: 'eligible', missing: null };
}

function emptyRow(item: AidItem, level: LevelCode, recipients: number | null, from: AidNeedRow['recipientsFrom'], missing: MissingReason, budget: number | null): AidNeedRow {
  return { item, level, recipients, recipientsFrom: from, amounts: [], needFen: null, centralFen: null, centralShareBp: null, localFen: null, provinceFen: null, countyFen: null, budgetFen: budget, gapFen: null, missing, notes: [] };
}

/** The per-student amounts and head counts that make up one item's need at one level. */
function amountsFor(item: AidItem, level: LevelCode, n: number, input: AidLevelInput | undefined, params: AidParams): AidNeedRow['amounts'] | MissingReason {
  const info = AID_ITEM_INFO[item];
  if (item === 'living_subsidy') {
    const std = params.standard(item, level);
    if (!std) return { code: 'no_standard', level, date: params.date };
    if (input?.boarders === null || input?.boarders === undefined) return { code: 'no_boarders', level };
    const share = params.nonBoarderShare;
    if (!share) return { code: 'no_non_boarder_share', date: params.date };
    const boarders = Math.min(input.boarders, n);
    return [
      { label: '寄宿生', perStudentFen: std.value, students: boarders, source: std },
      { label: '非寄宿生', perStudentFen: shareOf(std.value, share.value), students: n - boarders, source: share },
    ];
  }
  if (info.basis === 'approved_fee') {
    if (input?.approvedFeeFen === null || input?.approvedFeeFen === undefined) return { code: 'no_fee', level };
    return [{ label: '核定学（杂）费', perStudentFen: input.approvedFeeFen, students: n, source: null }];
  }
  if (info.basis === 'provincial_standard') {
    const std = params.preschoolStandard;
    if (!std) return { code: 'no_standard', level, date: params.date };
    return [{ label: '省定标准', perStudentFen: std.value, students: n, source: std }];
  }
  const tiers = item === 'senior_grant' || item === 'voc_grant' ? params.tiers[item] : undefined;
  if (tiers) {
    const heads = splitWhole(n, tiers.shares);
    return tiers.amounts.map((a, t) => ({ label: `第${'一二三'[t]}档`, perStudentFen: a, students: heads[t]!, source: { value: a, source: 'scenario' as const, ref: null, confidence: null } }));
  }
  const std = params.standard(item, level);
  if (!std) return { code: 'no_standard', level, date: params.date };
  return [{ label: '平均标准', perStudentFen: std.value, students: n, source: std }];
}

function rowFor(item: AidItem, level: LevelCode, region: AidRegionInput, params: AidParams): AidNeedRow {
  const input = region.levels[level];
  const budget = region.budgetFen[item] ?? null;
  const r = recipientsOf(item, level, input, params);
  if (r.missing || r.n === null) return emptyRow(item, level, null, r.from, r.missing!, budget);
  const amounts = amountsFor(item, level, r.n, input, params);
  if (!Array.isArray(amounts)) return emptyRow(item, level, r.n, r.from, amounts, budget);
  const need = amounts.reduce((s, a) => s + a.students * a.perStudentFen, 0);
  const notes: string[] = [];
  const dangShares = params.centralShareByDang?.value;
  const centralBp = region.dang !== null && dangShares ? dangShares[region.dang - 1]! : null;
  let central: number | null = null;
  if (centralBp !== null) {
    if (item === 'voc_fee_waiver' && params.vocCentralRate) {
      // The centre budgets the waiver at its flat rate; the province pays schools the approved fee.
      central = shareOf(r.n * params.vocCentralRate.value, centralBp);
      notes.push(`中央按每生 ${params.vocCentralRate.value / 100} 元测算`);
    } else central = shareOf(need, centralBp);
  } else notes.push('省份档次未知，中央与地方分担未计算');
  const local = central === null ? null : need - central;
  if (local !== null && local < 0) notes.push('中央测算额高于按核定学费计算的需求');
  const province = local !== null && params.provinceShareOfLocal !== null ? shareOf(local, params.provinceShareOfLocal) : null;
  const county = province !== null && local !== null ? local - province : null;
  if (local !== null && province === null) notes.push('省、县分担比例未设置：地方部分未拆分');
  const range = params.tierRange;
  const tiers = item === 'senior_grant' || item === 'voc_grant' ? params.tiers[item] : undefined;
  if (tiers && range) {
    for (const a of tiers.amounts) if (a < range.min || a > range.max) notes.push(`分档标准 ${a / 100} 元超出 ${range.min / 100}–${range.max / 100} 元范围`);
    const national = params.standard(item, level);
    if (national && r.n > 0 && need < r.n * national.value) notes.push(`分档后平均低于国家平均标准 ${national.value / 100} 元`);
  }
  return { item, level, recipients: r.n, recipientsFrom: r.from, amounts, needFen: need, centralFen: central, centralShareBp: centralBp, localFen: local, provinceFen: province, countyFen: county, budgetFen: budget, gapFen: budget === null ? null : need - budget, missing: null, notes };
}

/** Every item at every level it applies to, for one region. */
export function aidNeed(region: AidRegionInput, params: AidParams, items: readonly AidItem[] = AID_ITEMS): AidNeed {
  const rows = items.flatMap((item) => AID_ITEM_INFO[item].levels.map((level) => rowFor(item, level, region, params)));
  return {
    code: region.code,
    name: region.name,
    dang: region.dang,
    rows,
    knownNeedFen: rows.reduce((s, r) => s + (r.needFen ?? 0), 0),
    incomplete: rows.some((r) => r.missing !== null && r.missing.code !== 'not_applicable'),
  };
}
