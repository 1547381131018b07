// Law is data: every number the allocation rule uses is a named parameter with a label, a unit, a
// reference and effective-dated baseline values — and the baseline values are read from the law
// store (core/law), never written here. A scenario is an overlay on the baseline — a list of
// (parameter, value, effective period) — and the baseline itself is never edited. Resolving for a
// year gives the flat values one evaluation uses.
import { z } from 'zod';
import { lawHistory, type LawKey } from '../law';

export const FACTOR_NAMES = ['students', 'population', 'area', 'inverse_capacity', 'standard_gap', 'gap', 'difficulty'] as const;
export type FactorName = (typeof FACTOR_NAMES)[number];
export const TIERS = [1, 2, 3, 4, 5] as const;

export type ParameterUnit = 'yuan' | 'yuan_per_student' | 'fraction' | 'multiplier' | 'switch';

type Group = 'pool' | 'factors' | 'difficulty' | 'standard' | 'tiers' | 'bounds' | 'outcome';

/** One row of the simulator's parameter table: the slider, and the law-store key its baseline comes from. */
type Row = readonly [key: string, zh: string, en: string, unit: ParameterUnit, group: Group, range: readonly [number, number, number], reference: string, law: LawKey];

const REF_FACTOR = '因素法（docs/domain.md#factor-method；各资金管理办法通行结构，国家未公布权重）';
const REF_58 = '财预〔2022〕58号《中央对地方均衡性转移支付办法》第七条';
const REF_STANDARD = '国发〔2015〕67号；2023年春季学期起 小学720元、初中940元（docs/domain.md#public-funds-standard）';
const REF_TIERS = '国办发〔2018〕6号 分档（docs/domain.md#cost-sharing-tiers），省对下比照';
const REF_HOLD = '“存量不动、增量调整”；保既得利益（docs/domain.md#simulator-bounds）';
const ORDINAL = '一二三四五';

const ROWS = [
  ['pool.amount', '转移支付资金总额', 'Transfer pool', 'yuan', 'pool', [0, 1e12, 1e6], '年度预算安排（预算法 第十六条）', 'transfer.pool.amount'],
  ['factor.students', '在校生数因素权重', 'Weight: students', 'fraction', 'factors', [0, 1, 0.01], REF_FACTOR, 'transfer.factor.students'],
  ['factor.population', '常住人口因素权重', 'Weight: population', 'fraction', 'factors', [0, 1, 0.01], REF_FACTOR, 'transfer.factor.population'],
  ['factor.area', '国土面积因素权重', 'Weight: land area', 'fraction', 'factors', [0, 1, 0.01], REF_FACTOR, 'transfer.factor.area'],
  ['factor.inverse_capacity', '人均财力（倒数）因素权重', 'Weight: inverse revenue per head', 'fraction', 'factors', [0, 1, 0.01], '粤财预〔2014〕51号 人均财力系数（docs/domain.md#factor-method）', 'transfer.factor.inverse_capacity'],
  ['factor.standard_gap', '生均经费缺口因素权重', 'Weight: gap to per-student standard', 'fraction', 'factors', [0, 1, 0.01], REF_FACTOR, 'transfer.factor.standard_gap'],
  ['factor.gap', '缺口因素权重（补齐优质均衡资源缺口所需资金）', 'Weight: cost to close the 优质均衡 resource gaps', 'fraction', 'factors', [0, 1, 0.01], '教督〔2017〕6号 资源配置七项指标；补齐资金见 docs/scenario-file.md#gap-factor', 'transfer.factor.gap'],
  ['factor.difficulty', '财力困难程度因素权重', 'Weight: fiscal difficulty', 'fraction', 'factors', [0, 1, 0.01], REF_58, 'transfer.factor.difficulty'],
  ['difficulty.tilt', '向欠发达地区倾斜强度（困难系数乘数）', 'Tilt toward underdeveloped areas (difficulty multiplier)', 'multiplier', 'difficulty', [0, 2, 0.05], `${REF_58}；docs/domain.md#simulator-bounds`, 'transfer.difficulty.tilt'],
  ['difficulty.by_revenue_per_head', '困难系数按人均财力计算（否则按第七条两项指标）', 'Difficulty from revenue per head (otherwise the two Article 7 components)', 'switch', 'difficulty', [0, 1, 1], '人均财力系数（粤财预〔2014〕51号，docs/domain.md#factor-method）；财预〔2022〕58号 第七条', 'transfer.difficulty.by_revenue_per_head'],
  ['difficulty.floor', '困难系数乘数下限', 'Lowest difficulty multiplier', 'multiplier', 'difficulty', [0, 1, 0.05], '未公布，用户参数（docs/domain.md#equalisation-transfer）', 'transfer.difficulty.floor'],
  ['difficulty.weight_pressure', '必保支出压力权重', 'Weight: mandatory-spending pressure', 'fraction', 'difficulty', [0, 1, 0.05], REF_58, 'equalisation.difficulty.weight_pressure'],
  ['difficulty.weight_gap', '收支缺口率权重', 'Weight: standard gap ratio', 'fraction', 'difficulty', [0, 1, 0.05], REF_58, 'equalisation.difficulty.weight_gap'],
  ['standard.enabled', '按基准定额先行安排', 'Standard-based component first', 'switch', 'standard', [0, 1, 1], REF_STANDARD, 'transfer.standard.enabled'],
  ['standard.quota_primary', '小学生均公用经费基准定额', 'Primary per-student base quota', 'yuan_per_student', 'standard', [0, 5000, 10], REF_STANDARD, 'standard.public_funds_base.primary.national'],
  ['standard.quota_junior', '初中生均公用经费基准定额', 'Junior per-student base quota', 'yuan_per_student', 'standard', [0, 5000, 10], REF_STANDARD, 'standard.public_funds_base.junior.national'],
  ...TIERS.map((t, i) => [`standard.share_tier${t}`, `第${ORDINAL[i]}档 省级分担比例`, `Province's cost share, tier ${t}`, 'fraction', 'standard', [0, 1, 0.05], REF_TIERS, `cost_share.central.tier${t}`] as const),
  ['tiers.presplit', '按发展档次预分资金', 'Pre-split the pool by development tier', 'switch', 'tiers', [0, 1, 1], '资金按区域预分（docs/domain.md#factor-method）', 'transfer.tiers.presplit'],
  ...TIERS.map((t, i) => [`tiers.share_tier${t}`, `第${ORDINAL[i]}档 预分比例`, `Pool share, tier ${t}`, 'fraction', 'tiers', [0, 1, 0.01], '资金按区域预分（docs/domain.md#factor-method）', `transfer.tiers.share_tier${t}`] as const),
  ['floor.per_student', '生均转移支付下限', 'Per-student floor', 'yuan_per_student', 'bounds', [0, 5000, 10], '每县至少 基准定额 × 学生数（docs/domain.md#simulator-bounds）', 'transfer.floor.per_student'],
  ['cap.share', '单县占资金总额上限', 'Cap per county, share of the pool', 'fraction', 'bounds', [0, 1, 0.005], '封顶（docs/domain.md#simulator-bounds）', 'transfer.cap.share'],
  ['hold_harmless.h', '保既得利益系数 h（≥ h × 上年）', 'Hold-harmless h (≥ h × last year)', 'fraction', 'bounds', [0, 1, 0.01], REF_HOLD, 'transfer.hold_harmless.h'],
  ['growth.enabled', '增幅控制', 'Growth band', 'switch', 'bounds', [0, 1, 1], '财预〔2022〕58号 第四条 增幅控制调整（docs/domain.md#equalisation-transfer）', 'transfer.growth.enabled'],
  ['growth.min', '增幅下限', 'Lowest growth', 'fraction', 'bounds', [-1, 1, 0.01], '财预〔2022〕58号 第四条', 'transfer.growth.min'],
  ['growth.max', '增幅上限', 'Highest growth', 'fraction', 'bounds', [-1, 5, 0.01], '财预〔2022〕58号 第四条', 'transfer.growth.max'],
  ['gap.spend_share', '转移支付用于补齐资源缺口的比例（达标县数测算的假设）', 'Share of the transfer spent on closing resource gaps (assumption of the reach report)', 'fraction', 'outcome', [0, 1, 0.01], '工作台假设，非法规（docs/scenario-file.md#gap-factor）', 'transfer.gap.spend_share'],
  ['outcome.pass_through', '转移支付计入教育支出的比例', 'Share of a transfer change that reaches education spending', 'fraction', 'outcome', [0, 1, 0.05], '上级转移支付形成下级一般公共预算教育支出（docs/domain.md#simulator-bounds）', 'transfer.outcome.pass_through'],
] as const satisfies readonly Row[];

/** Every parameter key a scenario may set; a key outside this union does not compile. */
export type TransferKey = (typeof ROWS)[number][0];

export type ParameterDefinition = {
  key: TransferKey;
  label: { zh: string; en: string };
  unit: ParameterUnit;
  min: number;
  max: number;
  /** Slider step in the unit shown (fractions are shown as %). */
  step: number;
  reference: string;
  group: Group;
  /** The law-store key the baseline is read from. */
  law: LawKey;
  /** Baseline values, each from a year on (sorted, first from ≤ any year simulated). */
  baseline: readonly { from: number; value: number }[];
};

/**
 * A law-store history as the simulator's year-based baseline: a value counts from the first year
 * whose 1 January it is in force on; money in 分 becomes 元 (the sliders' unit). The earliest value
 * also stands for earlier years (the simulator has always done so for the quotas and the pool).
 */
function baselineFromLaw(law: LawKey): ParameterDefinition['baseline'] {
  return lawHistory(law).map((r) => {
    const year = Number(r.from.slice(0, 4));
    return { from: r.from.endsWith('-01-01') ? year : year + 1, value: r.unit === 'fen_per_pupil_year' ? r.value / 100 : r.value };
  });
}

export const PARAMETERS: readonly ParameterDefinition[] = ROWS.map(([key, zh, en, unit, group, range, reference, law]) => ({
  key,
  label: { zh, en },
  unit,
  min: range[0],
  max: range[1],
  step: range[2],
  reference,
  group,
  law,
  baseline: baselineFromLaw(law),
}));

const BY_KEY = new Map(PARAMETERS.map((d) => [d.key, d]));

export function parameterDefinition(key: string): ParameterDefinition | undefined {
  return BY_KEY.get(key as TransferKey);
}

export function isTransferKey(key: string): key is TransferKey {
  return BY_KEY.has(key as TransferKey);
}

/** One change a scenario makes: `value` for `key` in [from, to] (either end open). */
export const OverlayEntry = z
  .object({
    // A string checked against the table, then typed: the overlay's keys are the TransferKey union.
    key: z
      .string()
      .refine(isTransferKey, { message: 'not a known parameter' })
      .transform((k) => k as TransferKey),
    value: z.number().finite(),
    from: z.number().int().min(1949).max(2100).nullable().default(null),
    to: z.number().int().min(1949).max(2100).nullable().default(null),
  })
  .strict()
  .superRefine((e, ctx) => {
    const d = BY_KEY.get(e.key);
    if (d && (e.value < d.min || e.value > d.max)) ctx.addIssue({ code: 'custom', path: ['value'], message: `must be between ${d.min} and ${d.max} (${d.unit})` });
    else if (d && d.unit === 'switch' && e.value !== 0 && e.value !== 1) ctx.addIssue({ code: 'custom', path: ['value'], message: 'a switch is 0 (off) or 1 (on)' });
    if (e.from !== null && e.to !== null && e.to < e.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before "from"' });
  });
export type OverlayEntry = z.infer<typeof OverlayEntry>;

/** Difficulty scores entered directly (e.g. the published 20–90 scale), by region code. */
export const Scores = z.record(z.string().regex(/^\d{6}$/, 'a six-digit region code'), z.number().finite().positive());

export type ResolvedParameters = Readonly<Record<TransferKey, number>>;

export function baselineValue(d: ParameterDefinition, year: number): number {
  let value = d.baseline[0]!.value;
  for (const b of d.baseline) if (b.from <= year) value = b.value;
  return value;
}

const applies = (e: OverlayEntry, year: number) => (e.from === null || e.from <= year) && (e.to === null || year <= e.to);

/** The values in force in `year`: baseline, then each overlay entry that covers the year (later entries win). */
export function resolveParameters(overlay: readonly OverlayEntry[], year: number): ResolvedParameters {
  const out = {} as Record<TransferKey, number>;
  for (const d of PARAMETERS) out[d.key] = baselineValue(d, year);
  for (const e of overlay) if (applies(e, year)) out[e.key] = e.value;
  return out;
}

export type ParameterChange = { key: TransferKey; label: ParameterDefinition['label']; unit: ParameterUnit; reference: string; from: number; to: number; period: { from: number | null; to: number | null } };

/**
 * "What changed": each parameter whose value in `year` differs between two overlays on the same
 * baseline (compare a scenario with the baseline by passing [] as `before`), with the period of
 * the entry that set the new value.
 */
export function whatChanged(before: readonly OverlayEntry[], after: readonly OverlayEntry[], year: number): ParameterChange[] {
  const a = resolveParameters(before, year);
  const b = resolveParameters(after, year);
  const out: ParameterChange[] = [];
  for (const d of PARAMETERS) {
    if (a[d.key] === b[d.key]) continue;
    const entry = [...after].reverse().find((e) => e.key === d.key && applies(e, year));
    out.push({ key: d.key, label: d.label, unit: d.unit, reference: d.reference, from: a[d.key], to: b[d.key], period: entry ? { from: entry.from, to: entry.to } : { from: null, to: null } });
  }
  return out;
}

/**
 * Sets (or replaces) the overlay entry for `key` over [from, to]. An open-ended entry equal to the
 * baseline is dropped only when the baseline has that value in every period (a dated baseline,
 * such as the pool or the quotas, differs by year, so such an entry still changes some years).
 */
export function setParameter(overlay: readonly OverlayEntry[], key: TransferKey, value: number, from: number | null = null, to: number | null = null): OverlayEntry[] {
  const rest = overlay.filter((e) => !(e.key === key && e.from === from && e.to === to));
  const d = BY_KEY.get(key);
  if (!d) throw new RangeError(`unknown parameter ${key}`);
  const sameEverywhere = d.baseline.every((b) => b.value === value);
  if (from === null && to === null && sameEverywhere && rest.every((e) => e.key !== key)) return rest;
  return [...rest, { key, value, from, to }];
}

export const FACTOR_KEY: Readonly<Record<FactorName, TransferKey>> = Object.fromEntries(FACTOR_NAMES.map((f) => [f, `factor.${f}`])) as Record<FactorName, TransferKey>;
