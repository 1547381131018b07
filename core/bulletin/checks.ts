// A bulletin checked against itself. Every finding names the sentence it is about. A defect is
// something the text gets wrong (a rate its own values do not give, a word against a sign, a unit a
// thousand times off); a note is something worth saying that is not an error (a rate reproduced
// only within the rounding of whole-yuan values, a unit printed without 元).
import type { Figure, ListedFall, StatedCount } from './extract';
import { DIRECTION_SIGN, indicatorIn, PER_STUDENT, STANDARD_GPB_PARTS, type Indicator } from './indicators';
import { checkDifference, checkGrowth, checkShare, comparePrinted, formatPrinted, negate, parsePrinted, type Printed, type RateCheck } from './printed';
import { AMOUNT, type Sentence } from './structure';

export const FINDING_CODES = [
  'rate_mismatch',
  'rate_within_rounding',
  'direction_sign',
  'unit_mismatch',
  'unit_incomplete',
  'magnitude',
  'share_mismatch',
  'share_change_unit',
  'share_change_mismatch',
  'gap_unit',
  'gap_mismatch',
  'change_mismatch',
  'duplicate_statement',
  'indicator_conflict',
  'indicator_mislabel',
  'heading_typo',
  'lead_in_year',
  'year_missing',
  'number_format',
  'nonstandard_scope',
  'list_count',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type Finding = { code: FindingCode; severity: 'defect' | 'note'; sentence: number; figure: number | null; message: string };

export type CheckInput = { sentences: Sentence[]; figures: Figure[]; falls: ListedFall[]; counts: StatedCount[]; year: number | null; yearFrom: 'title' | 'sentence' | null };

/** How many 元 one printed unit is (万 and 万元 alike: a missing 元 is noted, not a different unit). */
const UNIT_YUAN: Readonly<Record<string, bigint>> = { 元: 1n, 千元: 1000n, 万元: 10000n, 万: 10000n, 亿元: 100000000n, 亿: 100000000n };

/** The sign the words and the printed number give together: 下降1.64 is −1.64; 增长−31.36 is −31.36. */
export function signedRate(f: Figure): Printed | null {
  const r = f.rate === null ? null : parsePrinted(f.rate);
  if (!r || f.direction === null) return r;
  const sign = DIRECTION_SIGN[f.direction.replace(/了$/, '')] ?? 1;
  if (sign < 0 && r.n > 0n) return negate(r);
  return r;
}

function rateText(c: RateCheck): string {
  return c.range ? `${c.computed}%（按印出数的舍入范围 ${c.range[0]}%～${c.range[1]}%）` : `${c.computed}%`;
}

export function checkBulletin(input: CheckInput): Finding[] {
  const { sentences, figures } = input;
  const out: Finding[] = [];
  const add = (code: FindingCode, severity: Finding['severity'], sentence: number, figure: number | null, message: string): void => {
    out.push({ code, severity, sentence, figure, message });
  };
  const unitFixed = new Set<number>();

  for (const f of figures) {
    const where = `「${f.subject}」`;
    // Units against magnitudes: 本年 and 上年 printed in different money units.
    if (f.current !== null && f.prior !== null && f.unit && f.priorUnit && UNIT_YUAN[f.unit] && UNIT_YUAN[f.priorUnit]) {
      const cu = UNIT_YUAN[f.unit]!;
      const pu = UNIT_YUAN[f.priorUnit]!;
      if (cu !== pu) {
        unitFixed.add(f.id);
        const r = signedRate(f);
        const fits = r && f.rateUnit === '%' ? checkGrowth(parsePrinted(f.current)!, parsePrinted(f.prior)!, r).status !== 'mismatch' : false;
        add('unit_mismatch', 'defect', f.sentence, f.id, `${where}本年 ${f.current}${f.unit}，上年印作 ${f.prior}${f.priorUnit}：相差约 ${Number(cu > pu ? cu / pu : pu / cu)} 倍${fits ? `；按上年为 ${f.prior}${f.unit}，印出的增幅 ${f.rate}% 正好吻合` : ''} / the previous-year amount is printed in ${f.priorUnit}, the current in ${f.unit}${fits ? `; read in ${f.unit} it gives the printed rate` : ''}`);
      } else if (f.unit !== f.priorUnit) {
        add('unit_incomplete', 'note', f.sentence, f.id, `${where}上年数单位印作“${f.priorUnit}”，本年为“${f.unit}” / units printed differently (${f.priorUnit} vs ${f.unit})`);
      } else {
        const c = parsePrinted(f.current)!;
        const p = parsePrinted(f.prior)!;
        const big = (a: Printed, b: Printed) => comparePrinted({ n: a.n, scale: a.scale }, { n: b.n * 100n, scale: b.scale }) > 0;
        if (p.n > 0n && c.n > 0n && (big(c, p) || big(p, c))) add('magnitude', 'defect', f.sentence, f.id, `${where}本年 ${f.current}${f.unit} 与上年 ${f.prior}${f.priorUnit} 相差百倍以上，单位可能有误 / a hundredfold apart`);
      }
    }
    if (f.unit && /^(万|亿)$/.test(f.unit) && !(f.priorUnit && f.priorUnit !== f.unit)) add('unit_incomplete', 'note', f.sentence, f.id, `${where}单位印作“${f.unit}”（缺“元”） / unit printed without 元`);

    // The printed rate against its own values.
    const rate = signedRate(f);
    const isShare = f.indicator === 'share_of_budget';
    if (!isShare && f.indicator !== 'growth_gap' && rate && f.rateUnit === '%' && f.current !== null && f.prior !== null && !unitFixed.has(f.id)) {
      const c = parsePrinted(f.current)!;
      const p = parsePrinted(f.prior)!;
      if (p.n > 0n) {
        const check = checkGrowth(c, p, rate);
        if (check.status === 'mismatch') {
          const above = figures[f.id - 1];
          const copied = above && above.rate === f.rate && above.direction === f.direction ? `；与上一项「${above.subject}」印出的增幅相同，疑为照抄` : '';
          add('rate_mismatch', 'defect', f.sentence, f.id, `${where}印出${f.direction ?? ''}${f.rate}%，按本年 ${f.current} 与上年 ${f.prior} 计算为 ${rateText(check)}${copied} / printed ${formatPrinted(rate)}%, the printed values give ${check.computed}%`);
        } else if (check.status === 'within_rounding') {
          add('rate_within_rounding', 'note', f.sentence, f.id, `${where}按印出数计算为 ${check.computed}%，印出 ${formatPrinted(rate)}%；本年、上年只印到 ${c.scale === 0 ? '整数' : `${c.scale} 位小数`}，舍入范围 ${check.range ? `${check.range[0]}%～${check.range[1]}%` : '很宽'} 包含印出数，不能判为错误 / within the rounding of the printed values, not proof of an error`);
        }
      }
    }

    // Direction words against signs (of the printed rate and of the values).
    if (f.direction !== null && !isShare && f.indicator !== 'growth_gap') {
      const word = DIRECTION_SIGN[f.direction.replace(/了$/, '')] ?? 0;
      const printedNeg = f.rate !== null && f.rate.startsWith('-');
      const valuesSign = f.current !== null && f.prior !== null && !unitFixed.has(f.id) ? comparePrinted(parsePrinted(f.current)!, parsePrinted(f.prior)!) : null;
      const problems: string[] = [];
      if (printedNeg) problems.push(word > 0 ? `“${f.direction}”后接负数 ${f.rate}%（实为下降）` : `“${f.direction}”后又接负号 ${f.rate}%`);
      else if (valuesSign !== null && word !== 0 && valuesSign !== 0 && valuesSign !== word) problems.push(`用“${f.direction}”，但本年 ${f.current} ${valuesSign < 0 ? '低于' : '高于'}上年 ${f.prior}`);
      if (problems.length) add('direction_sign', 'defect', f.sentence, f.id, `${where}${problems.join('；')} / the direction word contradicts the sign`);
    }

    // 增减额 against the values.
    if (f.change !== null && f.current !== null && f.prior !== null && f.changeUnit === f.unit && f.priorUnit === f.unit) {
      const c = parsePrinted(f.current)!;
      const p = parsePrinted(f.prior)!;
      const ch = parsePrinted(f.change)!;
      const sign = DIRECTION_SIGN[(f.changeWord ?? '').replace(/了$/, '')] ?? 1;
      const check = checkDifference(c, p, sign < 0 ? negate(ch) : ch);
      if (check.status === 'mismatch') add('change_mismatch', 'defect', f.sentence, f.id, `${where}印出${f.changeWord}${f.change}${f.changeUnit}，按本年与上年计算为 ${check.computed}${f.unit} / the printed change does not match the values`);
    }

    if (isShare) checkShareFigure(f, figures, add);
    if (f.indicator === 'growth_gap') checkGap(f, figures, add);

    // A 一般公共预算教育经费 that says what it includes: anything beyond the standard parts widens it.
    if (f.indicator === 'gpb_edu_funds' && f.scope && /^(包括|含)/.test(f.scope)) {
      const parts = f.scope.replace(/^(包括|含)/, '').split(/[、,和及]/).map((p) => p.trim()).filter(Boolean);
      const extra = parts.filter((p) => !STANDARD_GPB_PARTS.includes(p));
      if (extra.length) add('nonstandard_scope', 'defect', f.sentence, f.id, `${where}所含项目超出一般公共预算教育经费的标准口径（教育事业费、基建经费、教育费附加）：另含 ${extra.join('、')}；不能与标准口径的数据直接比较 / wider than the standard scope: also ${extra.join(', ')}`);
    }

    // A year the sentence states for the previous value must be the year before.
    if (f.priorYear !== null && f.year !== null && f.priorYear !== f.year - 1) add('lead_in_year', 'defect', f.sentence, f.id, `${where}上年写作 ${f.priorYear} 年，本年为 ${f.year} 年 / the previous year is not the year before`);
  }

  checkDuplicates(sentences, add);
  checkSections(input, add);
  checkNumberFormat(sentences, add);
  checkListCounts(input, add);
  if (input.year === null) {
    const first = sentences.find((s) => s.kind === 'title') ?? sentences[0];
    if (first) add('year_missing', 'defect', first.index, null, '全文没有写明统计年度（标题和正文均无“20xx年”），无法确定本年 / the text never states its year');
  }
  return out.sort((a, b) => a.sentence - b.sentence || (a.figure ?? -1) - (b.figure ?? -1));
}

type Add = (code: FindingCode, severity: Finding['severity'], sentence: number, figure: number | null, message: string) => void;

function checkShareFigure(f: Figure, figures: Figure[], add: Add): void {
  const share = parsePrinted(f.current ?? '');
  if (!share) return;
  // The numerator: printed beside it, else the bulletin's 一般公共预算教育经费 of the same year in the denominator's unit.
  const num = f.numerator ?? (() => {
    const g = figures.find((x) => x.indicator === 'gpb_edu_funds' && x.year === f.year && x.current !== null && x.unit === f.denominator?.unit && x.subRegion === null);
    return g ? { value: g.current!, unit: g.unit! } : null;
  })();
  if (f.denominator && num && UNIT_YUAN[num.unit] === UNIT_YUAN[f.denominator.unit]) {
    const check = checkShare(parsePrinted(num.value)!, parsePrinted(f.denominator.value)!, share);
    if (check.status === 'mismatch') add('share_mismatch', 'defect', f.sentence, f.id, `「${f.subject}」印出 ${f.current}%，按 ${num.value}/${f.denominator.value} 计算为 ${check.computed}% / the share does not match its parts`);
  }
  if (f.rate === null) return;
  if (f.rateUnit === '%') {
    add('share_change_unit', 'defect', f.sentence, f.id, `「${f.subject}」的变化写作“${f.direction}${f.rate}%”：比例的变化应以“个百分点”表述，印作“%”则无法判断是 ${f.rate} 个百分点还是相对增长 ${f.rate}% / a change of a share printed in %, not 个百分点: points or relative growth cannot be told`);
    return;
  }
  if (f.prior !== null) {
    const sign = DIRECTION_SIGN[(f.direction ?? '').replace(/了$/, '')] ?? 1;
    const r = parsePrinted(f.rate)!;
    const check = checkDifference(share, parsePrinted(f.prior)!, sign < 0 ? negate(r) : r);
    if (check.status === 'mismatch') add('share_change_mismatch', 'defect', f.sentence, f.id, `「${f.subject}」由 ${f.prior}% 到 ${f.current}%，应为 ${check.computed} 个百分点，印出${f.direction}${f.rate}个百分点 / the change in points does not match`);
  }
}

function checkGap(f: Figure, figures: Figure[], add: Add): void {
  const before = figures.slice(0, f.id).reverse();
  const edu = before.find((x) => (x.indicator === 'gpb_edu_funds' || x.indicator === 'fiscal_edu_funds') && x.rate !== null && x.rateUnit === '%');
  const rev = before.find((x) => x.indicator === 'recurrent_revenue' && x.rate !== null && x.rateUnit === '%');
  if (f.rateUnit === '%') add('gap_unit', 'defect', f.sentence, f.id, `「${f.subject}」是两个增长率之差，应以“个百分点”表述，印作“${f.rate}%” / a difference of two growth rates printed in % instead of 个百分点`);
  if (!edu || !rev || f.rate === null) return;
  const sign = DIRECTION_SIGN[f.direction ?? ''] ?? 1;
  const r = parsePrinted(f.rate)!;
  const check = checkDifference(signedRate(edu)!, signedRate(rev)!, sign < 0 ? negate(r) : r);
  if (check.status === 'mismatch') add('gap_mismatch', 'defect', f.sentence, f.id, `「${f.subject}」印出${f.direction}${f.rate}，按 ${edu.rate}% 与 ${rev.rate}% 计算之差为 ${check.computed} / the gap does not match the two rates`);
}

/** The same statement opening two sentences: the words up to and including the first amount repeated. */
function checkDuplicates(sentences: Sentence[], add: Add): void {
  const seen = new Map<string, number>();
  for (const s of sentences) {
    if (s.kind !== 'sentence') continue;
    if (seen.has(s.norm) && s.norm.length > 8) {
      add('duplicate_statement', 'defect', s.index, null, `与第 ${seen.get(s.norm)! + 1} 句完全相同 / the same sentence twice`);
      continue;
    }
    seen.set(s.norm, s.index);
    AMOUNT.lastIndex = 0;
    const m = AMOUNT.exec(s.norm);
    AMOUNT.lastIndex = 0;
    if (!m) continue;
    const opening = s.norm.slice(0, m.index + m[0].length);
    const key = `opening:${opening}`;
    const first = seen.get(key);
    if (first !== undefined && opening.length >= 10) add('duplicate_statement', 'defect', s.index, null, `开头“${opening}”与第 ${first + 1} 句重复 / opens with the same statement as sentence ${first + 1}`);
    else seen.set(key, s.index);
  }
}

/** Headings and lead-ins: indicator names that contradict each other or the values, a year not the bulletin's, a misspelt name. */
function checkSections(input: CheckInput, add: Add): void {
  const { sentences, figures, year } = input;
  const specific = (t: string): Indicator | null => {
    const i = indicatorIn(t);
    return i?.specific && PER_STUDENT.has(i.indicator) ? i.indicator : null;
  };
  for (const s of sentences) {
    if (/一般公用预算/.test(s.norm)) add('heading_typo', 'defect', s.index, null, `“一般公用预算”应为“一般公共预算” / “一般公用预算” should read “一般公共预算”`);
    if (s.kind !== 'lead_in') continue;
    const leadYear = /(\d{4})年/.exec(s.norm)?.[1];
    if (leadYear && year !== null && Number(leadYear) !== year) add('lead_in_year', 'defect', s.index, null, `引导语写作 ${leadYear} 年，本公告为 ${year} 年 / the lead-in names ${leadYear}, the bulletin is for ${year}`);
    const lead = specific(s.norm);
    const heading = [...s.headings].reverse().map((i) => specific(sentences[i]!.norm)).find((x) => x !== null);
    if (lead && heading && lead !== heading) {
      const h = [...s.headings].reverse().find((i) => specific(sentences[i]!.norm) !== null)!;
      add('indicator_conflict', 'defect', s.index, null, `小节标题「${sentences[h]!.text}」所称指标与引导语所称指标不同：无法判断本节数字是哪一个指标 / the heading and the lead-in name different indicators`);
    }
  }
  // A part larger than its whole: 公用经费 is part of 事业费, which is part of 教育经费.
  const ORDER: Partial<Record<Indicator, number>> = { per_student_public_funds: 0, per_student_operating: 1, per_student: 2 };
  const flagged = new Set<string>();
  for (const a of figures) {
    const oa = a.indicator ? ORDER[a.indicator] : undefined;
    if (oa === undefined || a.current === null || a.rural || a.subRegion !== null) continue;
    const bigger = figures.filter((b) => b !== a && b.indicator && (ORDER[b.indicator] ?? -1) > oa && b.level === a.level && b.year === a.year && !b.rural && b.current !== null && comparePrinted(parsePrinted(a.current!)!, parsePrinted(b.current!)!) > 0);
    if (!bigger.length) continue;
    const section = sentences[a.sentence]!.headings[sentences[a.sentence]!.headings.length - 1] ?? a.sentence;
    if (flagged.has(`${section}`)) continue;
    flagged.add(`${section}`);
    const b = bigger[0]!;
    add('indicator_mislabel', 'defect', section, a.id, `本节标为${a.indicator === 'per_student_public_funds' ? '生均公用经费' : '生均教育事业费'}，但${a.subject} ${a.current}元 大于${b.indicator === 'per_student_operating' ? '生均教育事业费' : '生均教育经费'} ${b.current}元（部分不能大于整体），指标名称可能标错 / labelled as a part but larger than the whole`);
  }
}

/** Thousands separators used for some amounts of a section and not for others. */
function checkNumberFormat(sentences: Sentence[], add: Add): void {
  const bySection = new Map<string, { sep: number[]; plain: number[] }>();
  for (const s of sentences) {
    if (s.kind !== 'sentence') continue;
    const key = s.headings.join('/');
    const e = bySection.get(key) ?? { sep: [], plain: [] };
    AMOUNT.lastIndex = 0;
    for (let m = AMOUNT.exec(s.norm); m; m = AMOUNT.exec(s.norm)) {
      const int = m[1]!.replace(/^-/, '').split('.')[0]!;
      if (int.includes(',')) e.sep.push(s.index);
      else if (int.length >= 4) e.plain.push(s.index);
    }
    AMOUNT.lastIndex = 0;
    bySection.set(key, e);
  }
  for (const e of bySection.values()) {
    if (!e.sep.length || !e.plain.length) continue;
    for (const i of [...new Set(e.plain)]) add('number_format', 'defect', i, null, `同一节内其他金额使用千分位分隔符，本句未用 / thousands separators used inconsistently within the section`);
  }
}

/** A list of falling sub-areas: the count the text states against the names it lists. */
function checkListCounts(input: CheckInput, add: Add): void {
  const bySentence = new Map<number, ListedFall[]>();
  for (const f of input.falls) bySentence.set(f.sentence, [...(bySentence.get(f.sentence) ?? []), f]);
  for (const c of input.counts) {
    const listed = (bySentence.get(c.sentence) ?? []).filter((f) => f.group === c.group).length;
    if (listed !== c.count) add('list_count', 'defect', c.sentence, null, `文中称 ${c.count} 个${c.group}，列出 ${listed} 个 / the text says ${c.count}, lists ${listed}`);
  }
}

/** A figure's printed rate checked on its own — exported for the property tests and the app. */
export function rateCheckOf(f: Figure): RateCheck | null {
  const r = signedRate(f);
  if (!r || f.current === null || f.prior === null || f.rateUnit !== '%') return null;
  const p = parsePrinted(f.prior)!;
  return p.n > 0n ? checkGrowth(parsePrinted(f.current)!, p, r) : null;
}
