// A bulletin's text as lines and sentences: the title, section headings (一、 / (一) / 1. / 【】),
// lead-ins ("…情况是：") and the numbered sentences that state figures. Full-width punctuation and
// digits are read as their half-width forms one character for one, so every offset found here is an
// offset into the text as given (for highlighting).

export type SentenceKind = 'title' | 'heading' | 'lead_in' | 'sentence';

export type Sentence = {
  index: number;
  kind: SentenceKind;
  /** The sentence as given (original characters). */
  text: string;
  /** The same with full-width forms read as half-width; what the patterns see. */
  norm: string;
  /** Offset of the sentence in the whole text. */
  start: number;
  /** Heading level (1 or 2) for headings. */
  headingLevel?: 1 | 2;
  /** Indices of the headings this sentence stands under, outermost first, and its lead-in. */
  headings: number[];
  leadIn: number | null;
};

const FULL_TO_HALF: Readonly<Record<string, string>> = { '，': ',', '：': ':', '（': '(', '）': ')', '；': ';', '％': '%', '－': '-', '−': '-', '．': '.', '\u3000': ' ', '\t': ' ' };

/** Full-width forms to half-width, one character for one (offsets are kept). */
export function normalise(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else if (ch.length === 1 && FULL_TO_HALF[ch] !== undefined) out += FULL_TO_HALF[ch];
    else out += ch;
  }
  return out;
}

/** An amount or rate with its unit: "10,228.76元", "8.25%", "2.69个百分点", "1.88 %". Bare numbers (item numbers, years, ranks) are not figures. */
export const AMOUNT = /(?<![\d.])(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)\s*(个百分点|亿元|万元|千元|元|亿|万|%)/g;

export function hasAmount(norm: string): boolean {
  AMOUNT.lastIndex = 0;
  const found = AMOUNT.test(norm);
  AMOUNT.lastIndex = 0;
  return found;
}

const LEVEL1 = /^[一二三四五六七八九十]+、/;
const LEVEL2 = /^(\([一二三四五六七八九十]+\)|\d+[.、](?!\d)|【)/;

/** Split a bulletin into sentences and give each its place (headings, lead-in). */
export function structure(text: string): Sentence[] {
  const norm = normalise(text);
  const out: Sentence[] = [];
  let h1: number | null = null;
  let h2: number | null = null;
  let lead: number | null = null;
  let offset = 0;
  let seenContent = false;
  for (const rawLine of norm.split('\n')) {
    const lineStart = offset;
    offset += rawLine.length + 1;
    const trimmed = rawLine.trim();
    if (trimmed === '') continue;
    const lineOffset = lineStart + rawLine.indexOf(trimmed);
    const push = (kind: SentenceKind, from: number, to: number, headingLevel?: 1 | 2): void => {
      const s: Sentence = { index: out.length, kind, text: text.slice(lineOffset + from, lineOffset + to), norm: trimmed.slice(from, to), start: lineOffset + from, headings: [h1, h2].filter((x): x is number => x !== null), leadIn: lead };
      if (headingLevel) s.headingLevel = headingLevel;
      out.push(s);
    };
    const amounts = hasAmount(trimmed);
    if (!seenContent && !amounts && !LEVEL1.test(trimmed) && !LEVEL2.test(trimmed) && !/[:。]$/.test(trimmed)) {
      seenContent = true;
      push('title', 0, trimmed.length);
      continue;
    }
    seenContent = true;
    if (!amounts && /:$/.test(trimmed)) {
      lead = out.length;
      push('lead_in', 0, trimmed.length);
      continue;
    }
    const numbered1 = LEVEL1.test(trimmed);
    const numbered2 = LEVEL2.test(trimmed);
    if (!amounts && (numbered1 || numbered2 || !/。$/.test(trimmed))) {
      const level: 1 | 2 = numbered1 ? 1 : numbered2 ? 2 : h1 === null ? 1 : 2;
      if (level === 1) {
        h1 = out.length;
        h2 = null;
      } else h2 = out.length;
      lead = null;
      const s = out.length;
      push('heading', 0, trimmed.length, level);
      out[s]!.headings = [h1, h2].filter((x): x is number => x !== null && x !== s);
      continue;
    }
    // A line of running text: one sentence per 。 (the 。 stays with its sentence).
    let from = 0;
    for (let i = 0; i < trimmed.length; i++) {
      if (trimmed[i] === '。' || i === trimmed.length - 1) {
        const piece = trimmed.slice(from, i + 1);
        if (piece.trim() !== '') {
          const lead0 = piece.length - piece.trimStart().length;
          push('sentence', from + lead0, i + 1);
        }
        from = i + 1;
      }
    }
  }
  return out;
}

/** The place and year a title names: "信阳市 关于2020年全市…" → 信阳市, 2020. */
export function titleFacts(title: string | null): { region: string | null; year: number | null } {
  if (title === null) return { region: null, year: null };
  const t = normalise(title).replace(/\([^)]*\)/g, '').trim();
  const first = t.split(/\s+/)[0] ?? '';
  const suffix = /(省|自治区|市|州|盟|地区|县|区|旗)$/;
  const region = suffix.test(first) ? first : (/^(.+?(?:省|自治区|市|州|盟|县|区|旗))/.exec(t)?.[1] ?? null);
  const year = /(\d{4})年/.exec(t)?.[1];
  return { region, year: year ? Number(year) : null };
}

/**
 * Text extracted from a PDF breaks lines at the page width, mid-sentence. A line as long as the
 * longest ones (within 15 %) that does not end a sentence, a heading or a lead-in is joined to the
 * next.
 */
export function unwrapLines(text: string): string {
  const lines = text.split('\n').map((l) => l.trim());
  // Width as printed: a CJK character is about two digits wide.
  const width = (l: string): number => [...l].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const full = Math.max(0, ...lines.map(width));
  const out: string[] = [];
  let cur = '';
  for (const line of lines) {
    if (line === '') {
      if (cur) out.push(cur);
      cur = '';
      continue;
    }
    cur += line;
    if (width(line) < full * 0.85 || /[。:：]$/.test(line)) {
      out.push(cur);
      cur = '';
    }
  }
  if (cur) out.push(cur);
  return out.join('\n');
}
