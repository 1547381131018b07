// What of a bulletin's figures becomes bulletin facts (the table the compliance rules read): the
// 一般公共预算教育经费 total and the three per-student measures by level, for the bulletin's own
// region — the current year, and the previous year where it is printed. A 同口径 rate gives the
// comparable base (current ÷ (1 + rate)), stored as the restated prior. Everything else a bulletin
// states (totals of all funding, shares, recurrent revenue, sub-areas) is kept with the dataset's
// reading, not as facts; each is listed as such.
import type { LevelCode } from '../levels';
import { signedRate, type Finding } from './checks';
import type { Figure } from './extract';
import { formatPrinted, parsePrinted, toUnits } from './printed';
import type { BulletinReading } from './read';

export type BulletinFact = {
  regionCode: string;
  year: number;
  level: LevelCode | 'all';
  measure: 'total' | 'per_student' | 'per_student_operating' | 'per_student_public_funds';
  amountFen: bigint;
  officialGrowth: string | null;
  comparable: boolean;
  restatedPriorFen: bigint | null;
  /** The sentence (1-based, in reading order) it was read from. */
  sentence: number;
};

export type FactPlan = { facts: BulletinFact[]; kept: { figure: number; why: string }[]; problems: { sentence: number; message: string }[] };

const FEN_PER: Readonly<Record<string, bigint>> = { 元: 100n, 千元: 100_000n, 万元: 1_000_000n, 万: 1_000_000n, 亿元: 10_000_000_000n, 亿: 10_000_000_000n };
const MEASURE: Partial<Record<string, BulletinFact['measure']>> = { gpb_edu_funds: 'total', per_student: 'per_student', per_student_operating: 'per_student_operating', per_student_public_funds: 'per_student_public_funds' };

export function planFacts(reading: Pick<BulletinReading, 'figures' | 'findings'>, regionCode: string): FactPlan {
  const facts: BulletinFact[] = [];
  const kept: FactPlan['kept'] = [];
  const problems: FactPlan['problems'] = [];
  const unitBroken = new Set(reading.findings.filter((f: Finding) => f.code === 'unit_mismatch').map((f) => f.figure));
  const seen = new Map<string, Figure>();
  const add = (f: Figure, fact: BulletinFact): void => {
    const key = `${fact.year}|${fact.level}|${fact.measure}`;
    const first = seen.get(key);
    if (first && first !== f) {
      problems.push({ sentence: f.sentence, message: `${fact.year} 年「${f.subject}」与第 ${first.sentence + 1} 句「${first.subject}」是同一地区、年度、学段、指标的两个不同数值；请在导入前更正或删去其一 / two values for one region, year, level and measure` });
      return;
    }
    seen.set(key, f);
    facts.push(fact);
  };
  for (const f of reading.figures) {
    const measure = f.indicator ? MEASURE[f.indicator] : undefined;
    if (!measure) {
      kept.push({ figure: f.id, why: '该指标不入公告事实表，随数据集的读取记录保存 / kept with the reading, not as a fact' });
      continue;
    }
    if (f.subRegion !== null || f.rural) {
      kept.push({ figure: f.id, why: f.rural ? '农村分项，随读取记录保存 / a rural sub-row, kept with the reading' : '下级地区，随读取记录保存 / a sub-area, kept with the reading' });
      continue;
    }
    if ((measure === 'total') !== (f.level === 'all')) {
      kept.push({ figure: f.id, why: measure === 'total' ? '分学段的总额不入事实表 / a total by level' : '生均数未注明学段 / a per-student figure with no level' });
      continue;
    }
    if (f.year === null) {
      problems.push({ sentence: f.sentence, message: `「${f.subject}」没有年度：公告未写明年度，请用 --year 指定 / no year: give --year` });
      continue;
    }
    const cur = f.current === null ? null : parsePrinted(f.current);
    const factor = f.unit ? FEN_PER[f.unit] : undefined;
    if (!cur || !factor) {
      kept.push({ figure: f.id, why: '未印本年金额 / no amount printed' });
      continue;
    }
    const rate = signedRate(f);
    const comparable = f.basis === 'comparable';
    const restated = comparable && rate && f.rateUnit === '%' ? toUnits({ n: cur.n * 10n ** BigInt(rate.scale + 2), scale: cur.scale }, factor) : null;
    const den = rate ? 10n ** BigInt(rate.scale + 2) + rate.n : null;
    add(f, {
      regionCode,
      year: f.year,
      level: f.level,
      measure,
      amountFen: toUnits(cur, factor),
      officialGrowth: rate && f.rateUnit === '%' ? formatPrinted(rate) : null,
      comparable,
      // current ÷ (1 + r), r = rate/100: (cur·10^(s+2)) / (10^(s+2) + rate·10^s … ) in 分, rounded half away from zero.
      restatedPriorFen: restated !== null && den !== null && den > 0n ? (restated * 2n + den) / (2n * den) : null,
      sentence: f.sentence + 1,
    });
    const prior = f.prior === null ? null : parsePrinted(f.prior);
    const priorFactor = f.priorUnit ? FEN_PER[f.priorUnit] : undefined;
    if (prior && priorFactor && !unitBroken.has(f.id)) add(f, { regionCode, year: f.year - 1, level: f.level, measure, amountFen: toUnits(prior, priorFactor), officialGrowth: null, comparable: false, restatedPriorFen: null, sentence: f.sentence + 1 });
    else if (prior && unitBroken.has(f.id)) kept.push({ figure: f.id, why: '上年数单位有误，未作为上年事实入库 / the previous-year amount has a unit defect; not stored as a fact' });
  }
  return { facts, kept, problems };
}
