// Which character separates fields, judged from the first lines of the file.
//
// The candidates are comma, tab and semicolon (Excel in locales with a decimal comma), plus the
// NBS "国家数据" export quirk: every field is followed by TAB then COMMA (`地区\t,2024年\t,`). That
// pair is one separator: splitting on the comma alone would leave a tab in every cell, and splitting
// on the tab alone would leave a comma; and the footnotes of those files contain plain commas
// (`注：1. 地方财政收入均为本级收入,不包括…`) that must not split.
export type Separator = ',' | '\t' | ';' | '\t,';

const SAMPLE_LINES = 200;

/** Per-line counts of `ch` outside double-quoted stretches (a quote toggles; "" toggles twice). */
function countsPerLine(lines: readonly string[], code: number): number[] {
  return lines.map((line) => {
    let n = 0;
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 34) quoted = !quoted;
      else if (c === code && !quoted) n++;
    }
    return n;
  });
}

/** How many lines agree on the most common non-zero count, and that count. */
function consistency(counts: readonly number[]): { lines: number; per: number } {
  const freq = new Map<number, number>();
  for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
  let best = { lines: 0, per: 0 };
  for (const [per, lines] of freq) if (lines > best.lines || (lines === best.lines && per > best.per)) best = { lines, per };
  return best;
}

/**
 * Pick the separator from decoded sample text (the start of the file). A file without any
 * candidate is one column; comma is the answer then, as for ties (comma, then tab, then semicolon).
 */
export function detectSeparator(sample: string): Separator {
  let lines = sample.split(/\r\n|\n|\r/);
  if (lines.length > 1) lines.pop(); // the last line may be cut by the sample boundary
  lines = lines.filter((l) => l.trim() !== '').slice(0, SAMPLE_LINES);

  const text = lines.join('\n');
  const tabs = countOf(text, '\t');
  const tabCommas = countOf(text, '\t,');
  if (tabCommas >= 2 && tabCommas >= tabs * 0.9) return '\t,';

  let best: { sep: Separator; lines: number; per: number } = { sep: ',', lines: 0, per: 0 };
  for (const [sep, code] of [[',', 44], ['\t', 9], [';', 59]] as const) {
    const c = consistency(countsPerLine(lines, code));
    if (c.lines > best.lines || (c.lines === best.lines && c.per > best.per)) best = { sep, ...c };
  }
  return best.sep;
}

function countOf(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}
