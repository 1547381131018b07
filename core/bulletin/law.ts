// The never-decrease rules (国办发〔2018〕82号: 一般公共预算教育支出 and that spending per student
// 只增不减) and the three growths (《中华人民共和国教育法》第五十六条: education appropriations grow
// faster than recurrent revenue; per-student public funds grow) applied to what a bulletin states.
// Where both years are printed the values decide, exactly; where only a rate is printed, its sign
// decides, and a 同口径 rate decides against the comparable base it implies (shown). Every fall is
// listed, with the reason the bulletin printed beside it.
import { formatRatio } from '../money/decimal';
import { signedRate, type Finding } from './checks';
import type { Figure, ListedFall } from './extract';
import type { Indicator } from './indicators';
import { comparePrinted, formatPrinted, parsePrinted, type Printed } from './printed';

export type LawRule = 'edu-spending-no-decrease' | 'per-student-no-decrease' | 'three-growths';

export type LawResult = {
  rule: LawRule;
  /** For three-growths: (a) appropriations vs recurrent revenue, (c) per-student public funds. */
  part: 'spending' | 'per_student' | 'appropriation_vs_revenue' | 'public_funds_per_student';
  figure: number;
  sentence: number;
  subject: string;
  indicator: Indicator | null;
  level: string;
  /** null = the bulletin's own region; else a sub-area the text names (a list of falls). */
  subRegion: string | null;
  rural: boolean;
  year: number | null;
  status: 'pass' | 'fail' | 'na';
  /** Growth in percent as decided: from the values (4 dp) or as printed. */
  growth: string | null;
  decidedBy: 'values' | 'printed_rate' | 'comparable_rate' | 'listed_rate';
  /** For a 同口径 rate: the previous-year base it implies (current ÷ (1 + rate)), in the figure's unit, 2 dp. */
  comparableBase: string | null;
  reason: string | null;
  message: string;
};

const pow10 = (k: number): bigint => 10n ** BigInt(k);

const RULE_OF: Partial<Record<Indicator, { rule: LawRule; part: LawResult['part'] }>> = {
  gpb_edu_funds: { rule: 'edu-spending-no-decrease', part: 'spending' },
  per_student: { rule: 'per-student-no-decrease', part: 'per_student' },
  per_student_operating: { rule: 'per-student-no-decrease', part: 'per_student' },
  per_student_public_funds: { rule: 'three-growths', part: 'public_funds_per_student' },
};

/** Growth in percent from two printed values (4 dp), and its exact sign. */
function valueGrowth(c: Printed, p: Printed): { text: string; sign: number } {
  const s = Math.max(c.scale, p.scale);
  const cn = c.n * pow10(s - c.scale);
  const pn = p.n * pow10(s - p.scale);
  return { text: formatRatio((cn - pn) * 100n, pn, 4), sign: comparePrinted(c, p) };
}

function comparableBase(current: Printed, rate: Printed): string | null {
  const den = pow10(current.scale) * (pow10(rate.scale + 2) + rate.n);
  return den > 0n ? formatRatio(current.n * pow10(rate.scale + 2), den, 2) : null;
}

export function applyLaw(figures: Figure[], falls: ListedFall[], findings: Finding[]): LawResult[] {
  const out: LawResult[] = [];
  const unitBroken = new Set(findings.filter((f) => f.code === 'unit_mismatch' && f.figure !== null).map((f) => f.figure!));
  const growthOf = (f: Figure): Pick<LawResult, 'status' | 'growth' | 'decidedBy' | 'comparableBase'> | null => {
    const c = f.current === null ? null : parsePrinted(f.current);
    const p = f.prior === null ? null : parsePrinted(f.prior);
    if (c && p && p.n > 0n && !unitBroken.has(f.id)) {
      const g = valueGrowth(c, p);
      return { status: g.sign < 0 ? 'fail' : 'pass', growth: g.text, decidedBy: 'values', comparableBase: null };
    }
    const r = signedRate(f);
    if (r && f.rateUnit === '%') {
      const comparable = f.basis === 'comparable';
      return { status: r.n < 0n ? 'fail' : 'pass', growth: formatPrinted(r), decidedBy: comparable ? 'comparable_rate' : 'printed_rate', comparableBase: comparable && c ? comparableBase(c, r) : null };
    }
    if (f.direction === '持平') return { status: 'pass', growth: '0', decidedBy: 'printed_rate', comparableBase: null };
    return null;
  };

  for (const f of figures) {
    const rule = f.indicator ? RULE_OF[f.indicator] : undefined;
    if (!rule || (f.indicator === 'gpb_edu_funds' && f.level !== 'all')) continue;
    const g = growthOf(f);
    const base = { rule: rule.rule, part: rule.part, figure: f.id, sentence: f.sentence, subject: f.subject, indicator: f.indicator, level: f.level, subRegion: f.subRegion, rural: f.rural, year: f.year, reason: f.reason };
    if (!g) {
      out.push({ ...base, status: 'na', growth: null, decidedBy: 'printed_rate', comparableBase: null, message: '未印上年数或增幅，无法判断 / neither the previous year nor a rate is printed' });
      continue;
    }
    const how = g.decidedBy === 'values' ? `按印出的本年 ${f.current} 与上年 ${f.prior}` : g.decidedBy === 'comparable_rate' ? `按同口径增幅${g.comparableBase ? `（同口径上年基数 ${g.comparableBase}${f.unit ?? ''}）` : ''}` : '按印出的增幅';
    out.push({ ...base, ...g, message: `${how}，增长 ${g.growth}%：${g.status === 'fail' ? (rule.part === 'public_funds_per_student' ? '下降，未做到学生人均公用经费逐步增长' : '下降，未做到只增不减') : '未下降'}${f.reason ? `；公告所述原因：${f.reason}` : ''}` });
  }

  // Sub-areas the text lists as falling: each is a fall by its own printed rate.
  for (const l of falls) {
    const parent = figures[l.figure];
    const rule = parent?.indicator ? RULE_OF[parent.indicator] : undefined;
    if (!parent || !rule) continue;
    const r = parsePrinted(l.rate);
    out.push({ rule: rule.rule, part: rule.part, figure: parent.id, sentence: l.sentence, subject: `${l.subRegion}（${parent.subject}）`, indicator: parent.indicator, level: parent.level, subRegion: l.subRegion, rural: false, year: parent.year, status: r && r.n < 0n ? 'fail' : 'pass', growth: l.rate, decidedBy: 'listed_rate', comparableBase: null, reason: null, message: `公告列为负增长：${l.subRegion} ${l.rate}%` });
  }

  // Three growths (a): the appropriation must grow faster than recurrent revenue, strictly.
  for (const rev of figures.filter((f) => f.indicator === 'recurrent_revenue')) {
    const edu = figures.find((f) => f.indicator === 'gpb_edu_funds' && f.year === rev.year && f.subRegion === null && f.level === 'all' && growthOf(f) !== null);
    const gr = growthOf(rev);
    if (!edu || !gr) continue;
    const ge = growthOf(edu)!;
    let faster: boolean;
    const ec = parsePrinted(edu.current ?? '');
    const ep = parsePrinted(edu.prior ?? '');
    const rc = parsePrinted(rev.current ?? '');
    const rp = parsePrinted(rev.prior ?? '');
    if (ge.decidedBy === 'values' && gr.decidedBy === 'values' && ec && ep && rc && rp) {
      // e1/e0 > r1/r0 ⇔ e1·r0 > r1·e0 (exact, on the printed digits).
      const s = Math.max(ec.scale, ep.scale, rc.scale, rp.scale);
      const at = (x: Printed) => x.n * pow10(s - x.scale);
      faster = at(ec) * at(rp) > at(rc) * at(ep);
    } else faster = comparePrinted(parsePrinted(ge.growth!)!, parsePrinted(gr.growth!)!) > 0;
    out.push({ rule: 'three-growths', part: 'appropriation_vs_revenue', figure: edu.id, sentence: rev.sentence, subject: `${edu.subject} / ${rev.subject}`, indicator: 'gpb_edu_funds', level: 'all', subRegion: null, rural: false, year: edu.year, status: faster ? 'pass' : 'fail', growth: ge.growth, decidedBy: ge.decidedBy, comparableBase: null, reason: null, message: `教育经费增长 ${ge.growth}%，财政经常性收入增长 ${gr.growth}%：${faster ? '高于' : '未高于'}财政经常性收入增长` });
  }
  return out;
}
