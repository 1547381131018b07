// The figures a bulletin's sentences state. Each amount or rate is read by the words just before
// it: "比上年(的)" makes it the previous year's value, a direction word (增长, 下降 …) makes it the
// change, "由上年的X元增加到Y元" gives the previous year first, "占…的比例为" a share, "高于/低于
// 财政经常性收入" the gap of two growth rates; anything else with a unit opens a new figure. Nothing is
// corrected: numbers, units and words are kept as printed, and the checks judge them.
import type { LevelCode } from '../levels';
import { indicatorIn, levelIn, type Indicator } from './indicators';
import { AMOUNT, type Sentence } from './structure';

export type Figure = {
  id: number;
  /** The sentence that states it, and the span of the figure within that sentence. */
  sentence: number;
  span: [number, number];
  /** The subject as worded (e.g. 全市普通小学, 其中,农村). */
  subject: string;
  indicator: Indicator | null;
  /** Where the indicator was read: the sentence itself, its heading, or its lead-in. */
  indicatorFrom: 'sentence' | 'heading' | 'lead_in' | null;
  level: LevelCode | 'all';
  rural: boolean;
  /** A sub-region named in the text (a list of falls), else null = the bulletin's own region. */
  subRegion: string | null;
  year: number | null;
  current: string | null;
  unit: string | null;
  prior: string | null;
  priorUnit: string | null;
  /** The year a "比2019年的…" names for the previous value. */
  priorYear: number | null;
  /** The direction word as printed (增长, 增加了, 下降, 低于 …). */
  direction: string | null;
  /** "比上年", "同口径比上年", "较上年同口径", "比去年", "比上年度", "比2019年" as printed. */
  basisWords: string | null;
  basis: 'previous_year' | 'comparable';
  rate: string | null;
  rateUnit: '%' | '个百分点' | null;
  change: string | null;
  changeUnit: string | null;
  changeWord: string | null;
  /** "由上年的X元增加到Y元": the word between. */
  toWord: string | null;
  /** A share's denominator and its numerator when printed beside it. */
  denominator: { value: string; unit: string; name: string } | null;
  numerator: { value: string; unit: string } | null;
  /** The parenthesis after the subject: what the figure includes (包括… / 含…). */
  scope: string | null;
  /** A reason printed with a fall: "(主要原因为…)". */
  reason: string | null;
  /** Other facts in the sentence: fastest-growing sub-area, national share or rank. */
  notes: string[];
  source: 'text' | 'list';
};

export type ListedFall = { subRegion: string; rate: string; group: string | null; figure: number; sentence: number };
export type StatedCount = { group: string; count: number; sentence: number };

type Token = { value: string; unit: string; start: number; end: number };

const MONEY = new Set(['亿元', '万元', '千元', '元', '亿', '万']);
const DIRECTION_AT_END = /(同口径)?(增长|增加|下降|减少|提高|降低|上升|持平)(了)?\s*$/;
const BASIS = /(同口径)?(比|较)(上年度|上年|去年|(\d{4})年)(同口径)?/;
const PRIOR_AT_END = /(同口径)?(比|较)(上年度|上年|去年|(\d{4})年)的?\s*$/;

function tokens(norm: string): Token[] {
  const out: Token[] = [];
  AMOUNT.lastIndex = 0;
  for (let m = AMOUNT.exec(norm); m; m = AMOUNT.exec(norm)) out.push({ value: m[1]!, unit: m[2]!, start: m.index, end: m.index + m[0].length });
  AMOUNT.lastIndex = 0;
  return out;
}

/** Text without its parentheses (nested ones included), and the first parenthesis found. */
function stripParens(text: string): { text: string; first: string | null } {
  let depth = 0;
  let out = '';
  let cur = '';
  let first: string | null = null;
  for (const ch of text) {
    if (ch === '(') {
      depth++;
      if (depth === 1) cur = '';
      else cur += ch;
    } else if (ch === ')' && depth > 0) {
      depth--;
      if (depth === 0) first ??= cur;
      else cur += ch;
    } else if (depth > 0) cur += ch;
    else out += ch;
  }
  return { text: out, first };
}

/** The subject a figure's words name: the last clause before the number, without numbering, year or 为. */
function subjectOf(before: string): string {
  const clause = stripParens(before).text.split(/[,;:。]/).pop() ?? '';
  return clause
    .replace(/^\s*(\(?[一二三四五六七八九十\d]+[)、.]|\d+\))+/, '')
    .replace(/^其中/, '')
    .replace(/\d{4}年(度)?/g, '')
    .replace(/(为|是|达到|达)\s*$/, '')
    .replace(/生均支出$/, '生均支出')
    .trim();
}

export type Context = { year: number | null; headingIndicator: Indicator | null; leadIndicator: Indicator | null };

export type SentenceFigures = { figures: Figure[]; falls: ListedFall[]; counts: StatedCount[] };

/**
 * The figures of one sentence. `nextId` numbers them; `previous` is the last figure before this
 * sentence (a list of falls, "其中,佛山市(-3.13%)…负增长", belongs to it).
 */
export function extractSentence(s: Sentence, ctx: Context, nextId: number, previous: Figure | null): SentenceFigures {
  const norm = s.norm;
  const figures: Figure[] = [];
  const falls: ListedFall[] = [];
  const counts: StatedCount[] = [];
  const isFallList = /负增长/.test(norm);
  let f: Figure | null = null;
  let prevEnd = 0;
  let openShare: { value: string; unit: string; name: string } | null = null;
  /** The words before 占 when the denominator came first ("…经费占一般公共预算支出1814597万元的比例15.68%"). */
  let openShareOwner = '';
  let pendingFalls: ListedFall[] = [];
  const groupsIn = (text: string): void => {
    for (const m of text.matchAll(/(\d+)个(地级以上市|县\(区\)|县|区|市)/g)) {
      counts.push({ group: m[2]!, count: Number(m[1]), sentence: s.index });
      for (const p of pendingFalls) p.group = m[2]!;
      pendingFalls = [];
    }
  };

  const open = (before: string, start: number): Figure => {
    const subject = subjectOf(before);
    const own = indicatorIn(subject);
    const level = levelIn(subject);
    const ruralOnly = /^农村/.test(subject);
    const inherit = ruralOnly ? (f ?? previous) : null;
    let indicator: Indicator | null = own?.specific ? own.indicator : null;
    let from: Figure['indicatorFrom'] = indicator ? 'sentence' : null;
    if (!indicator && inherit) {
      indicator = inherit.indicator;
      from = inherit.indicatorFrom;
    }
    if (!indicator && (level || own)) {
      if (ctx.headingIndicator) [indicator, from] = [ctx.headingIndicator, 'heading'];
      else if (ctx.leadIndicator) [indicator, from] = [ctx.leadIndicator, 'lead_in'];
      else if (own) [indicator, from] = [own.indicator, 'sentence'];
    }
    const year = /(\d{4})年/.exec(before)?.[1];
    const fig: Figure = {
      id: nextId + figures.length,
      sentence: s.index,
      span: [start, start],
      subject: subject.replace(/^,/, ''),
      indicator,
      indicatorFrom: from,
      level: level ?? inherit?.level ?? 'all',
      rural: ruralOnly,
      subRegion: null,
      year: year ? Number(year) : ctx.year,
      current: null,
      unit: null,
      prior: null,
      priorUnit: null,
      priorYear: null,
      direction: null,
      basisWords: null,
      basis: 'previous_year',
      rate: null,
      rateUnit: null,
      change: null,
      changeUnit: null,
      changeWord: null,
      toWord: null,
      denominator: null,
      numerator: null,
      scope: stripParens(before.split(/[;。]/).pop() ?? '').first,
      reason: null,
      notes: [],
      source: 'text',
    };
    figures.push(fig);
    return fig;
  };
  /** Where a figure's words begin: after the last clause break outside parentheses. */
  const subjectStart = (before: string, tokenStart: number): number => {
    let depth = 0;
    let lastBreak = -1;
    for (let i = 0; i < before.length; i++) {
      const ch = before[i]!;
      if (ch === '(') depth++;
      else if (ch === ')' && depth > 0) depth--;
      else if (depth === 0 && /[,;:。]/.test(ch)) lastBreak = i;
    }
    return tokenStart - before.length + lastBreak + 1;
  };

  for (const t of tokens(norm)) {
    const before = norm.slice(prevEnd, t.start);
    prevEnd = t.end;
    const isRate = t.unit === '%' || t.unit === '个百分点';
    const extend = (x: Figure): void => {
      x.span[1] = t.end;
    };

    // A parenthesised rate: a sub-area in a list of falls, or the fastest-growing one.
    if (/\(\s*$/.test(before)) {
      const name = before.replace(/\(\s*$/, '').split(/[、,和)]|其中/).pop()?.trim() ?? '';
      groupsIn(before);
      if (isFallList && previous && name !== '') {
        const fall: ListedFall = { subRegion: name, rate: t.value, group: null, figure: previous.id, sentence: s.index };
        falls.push(fall);
        pendingFalls.push(fall);
      } else if (f) f.notes.push(`${subjectOf(before.replace(/\(\s*$/, '')) || name}(${t.value}${t.unit})`);
      else if (previous) previous.notes.push(`${name}(${t.value}${t.unit})`);
      continue;
    }

    if (isRate) {
      const versus = /(高于|低于)([^,]*)$/.exec(before);
      if (versus) {
        if (/全国/.test(before) || !/财政经常性收入/.test(before)) {
          f?.notes.push(`${before.replace(/^[,\s]+/, '')}${t.value}${t.unit}`);
          continue;
        }
        const gap = open(before, subjectStart(before, t.start));
        gap.indicator = 'growth_gap';
        gap.indicatorFrom = 'sentence';
        gap.subject = subjectOf(before.slice(0, versus.index)).replace(/增长$/, '') + '增长与' + versus[2]!.replace(/增长$/, '') + '增长之差';
        gap.direction = versus[1]!;
        gap.rate = t.value;
        gap.rateUnit = t.unit as '%' | '个百分点';
        extend(gap);
        f = gap;
        continue;
      }
      if (/占/.test(before) || (openShare && /比例(为)?\s*$/.test(before))) {
        if (/全国/.test(before)) {
          f?.notes.push(`${before.replace(/^[,\s]+/, '')}${t.value}${t.unit}`);
          continue;
        }
        // The amount just before 占, printed only to be divided, is the share's numerator, not a figure of its own.
        let numerator: Figure['numerator'] = null;
        const restated = f && f.sentence === s.index && f.prior === null && f.rate === null && f.change === null && f.current !== null;
        if (f && f.current !== null && f.unit !== null) numerator = { value: f.current, unit: f.unit };
        if (restated) figures.splice(figures.indexOf(f!), 1);
        const startAt = restated ? f!.span[0] : subjectStart(before, t.start);
        const share = open(restated ? `${f!.subject}` : before, startAt);
        share.indicator = 'share_of_budget';
        share.indicatorFrom = 'sentence';
        share.level = 'all';
        const numeratorName = restated ? f!.subject : /占/.test(before) ? subjectOf(before.split('占')[0] ?? '') || (f?.subject ?? '') : openShareOwner || (f?.subject ?? '');
        share.subject = numeratorName.replace(/\d+(\.\d+)?(亿元|万元|元)$/, '') + '占' + (openShare?.name ?? subjectOf(before.split('占').pop() ?? '').replace(/的(比例)?$/, '')) + '的比例';
        share.scope = null;
        share.current = t.value;
        share.unit = '%';
        share.denominator = openShare;
        share.numerator = numerator;
        share.span = [startAt, t.end];
        openShare = null;
        f = share;
        continue;
      }
      const dir = DIRECTION_AT_END.exec(before);
      if (f && f.indicator === 'share_of_budget' && f.prior === null && PRIOR_AT_END.test(before) && t.unit === '%' && !dir) {
        f.prior = t.value;
        f.priorUnit = t.unit;
        f.basisWords = BASIS.exec(before)?.[0] ?? null;
        extend(f);
        continue;
      }
      if (dir) {
        const lead = stripParens(before).text.split(/[,;:。]/).pop() ?? '';
        const named = lead.split(/同口径|比|较/)[0]?.replace(/^其中/, '').trim() ?? '';
        if (!f || (named !== '' && indicatorIn(named) !== null)) {
          f = open(before.slice(0, before.length - lead.length) + named, subjectStart(before, t.start));
        }
        if (f.rate !== null) {
          f.notes.push(`${before.replace(/^[,\s]+/, '')}${t.value}${t.unit}`);
          continue;
        }
        f.rate = t.value;
        f.rateUnit = t.unit as '%' | '个百分点';
        f.direction = dir[2]! + (dir[3] ?? '');
        const basis = BASIS.exec(before)?.[0];
        if (basis) f.basisWords = basis;
        if (/同口径/.test(before) || /同口径/.test(f.basisWords ?? '')) f.basis = 'comparable';
        extend(f);
        const after = norm.slice(t.end);
        const reason = /^\s*\(([^)]*原因[^)]*)\)/.exec(after);
        if (reason) f.reason = reason[1]!;
        continue;
      }
      if (f) f.notes.push(`${before.replace(/^[,\s]+/, '')}${t.value}${t.unit}`);
      continue;
    }

    // An amount.
    if (!MONEY.has(t.unit)) continue;
    if (/由(上年|去年)的?\s*$/.test(before)) {
      f = open(before.replace(/由(上年|去年)的?\s*$/, ''), subjectStart(before, t.start));
      f.prior = t.value;
      f.priorUnit = t.unit;
      f.basisWords = /由(上年|去年)/.exec(before)?.[0] ?? null;
      extend(f);
      continue;
    }
    const to = /(增加|增长|减少|下降)到\s*$/.exec(before);
    if (to && f && f.current === null && f.prior !== null) {
      f.current = t.value;
      f.unit = t.unit;
      f.toWord = to[1]!;
      extend(f);
      continue;
    }
    const prior = PRIOR_AT_END.exec(before);
    if (prior && f && f.prior === null && f.current !== null) {
      f.prior = t.value;
      f.priorUnit = t.unit;
      f.basisWords = BASIS.exec(before)?.[0] ?? null;
      if (prior[4]) f.priorYear = Number(prior[4]);
      if (/同口径/.test(before)) f.basis = 'comparable';
      extend(f);
      continue;
    }
    const change = /(增加|减少|增长|下降)(了)?\s*$/.exec(before);
    if (change && f) {
      f.change = t.value;
      f.changeUnit = t.unit;
      f.changeWord = change[1]! + (change[2] ?? '');
      // Without a rate, the change's verb is the direction the sentence gives.
      f.direction ??= f.changeWord;
      if (BASIS.test(before) && !f.basisWords) f.basisWords = BASIS.exec(before)![0];
      extend(f);
      continue;
    }
    if (/占/.test(before) && !/全国/.test(before)) {
      openShare = { value: t.value, unit: t.unit, name: subjectOf(before.split('占').pop() ?? '') };
      openShareOwner = subjectOf(before.split('占')[0] ?? '');
      continue;
    }
    f = open(before, subjectStart(before, t.start));
    f.current = t.value;
    f.unit = t.unit;
    extend(f);
  }
  groupsIn(norm.slice(prevEnd));
  return { figures, falls, counts };
}
