// Where the table is in a sheet: preamble lines above it (title, 单位, NBS "数据库：… 时间：…"),
// one or more header rows (yearbook headers span several rows, Chinese over English), the first
// data row; and what the preamble tells (unit, year, indicator).
import type { Cell, RawRow } from './cells';
import { compact, normText, parseNumberCell, parseYear } from './normalise';
import { unitInText, type Unit } from './units';

/** A cell as written, for headers and titles; nothing for an empty cell or a number that is not finite. */
function rawText(c: unknown): string {
  if (c === null || c === undefined || (typeof c === 'number' && !Number.isFinite(c))) return '';
  return String(c);
}

export type Layout = {
  preamble: { n: number; text: string }[];
  headerRows: number[];
  dataStart: number | null;
  /** Normalised header label per column (multi-row headers joined, English glosses removed). */
  columns: string[];
  unit?: Unit;
  year?: number;
  indicator?: string;
  yearColumns: { column: number; year: number }[];
};

const CJK = /[\u3400-\u9fff]/;

/** Header label: rows joined, whitespace dropped, English glosses beside Chinese removed. */
export function headerLabel(parts: readonly string[]): string {
  const joined = parts.map((p) => normText(p)).filter(Boolean).join(' ');
  if (!CJK.test(joined)) return normText(joined);
  const noEnglish = joined.replace(/[A-Za-z][A-Za-z0-9 .,&'’\-/]*[A-Za-z.)]?/g, (m) => (/^[A-Z]{2,5}$/.test(m.trim()) ? m : ''));
  return compact(noEnglish).replace(/\(\)|（）/g, '');
}

function nonEmpty(cells: readonly Cell[]): number {
  return cells.filter((c) => c !== null && (typeof c === 'number' || normText(c) !== '')).length;
}

function numericCells(cells: readonly Cell[]): Cell[] {
  return cells.filter((c) => parseNumberCell(c).kind === 'number' && !(typeof c === 'string' && /年$/.test(c.trim())));
}

/** A header row of bare years (region, 2024, 2023 …) looks numeric but is a header. */
function isYearHeader(cells: readonly Cell[]): boolean {
  const nums = numericCells(cells);
  return nums.length >= 2 && nums.every((c) => parseYear(c) !== undefined) && typeof cells[0] === 'string';
}

export function isDataRow(cells: readonly Cell[]): boolean {
  return nonEmpty(cells) >= 2 && numericCells(cells).length >= 1 && !isYearHeader(cells);
}

const NOTE = /^((注|注释|说明|备注|资料来源|数据来源|来源|Note|Notes|Source)([:：\s0-9.、(（]|$)|(摘编自|摘自|引自|转引自|根据《))/i;

/** The title of the next table on the same sheet ("7-6 续表 1 continued", "表 3-2 …"): the table above has ended. */
const NEXT_TABLE = /续表|\bcontinued\b|^表\s*\d+([-—–.]\d+)*\s|^\d+[-—–]\d+\s*\S/i;

export function isNextTableTitle(cells: readonly Cell[]): boolean {
  const filled = cells.filter((c) => c !== null && String(c).trim() !== '');
  return filled.length === 1 && typeof filled[0] === 'string' && NEXT_TABLE.test(normText(filled[0]));
}

/** A footnote line under a table ("注：…", "数据来源：国家统计局"). */
export function isNoteRow(cells: readonly Cell[]): boolean {
  const first = cells.find((c) => c !== null && String(c).trim() !== '');
  return typeof first === 'string' && NOTE.test(normText(first)) && numericCells(cells).length === 0;
}

export function analyseLayout(rows: readonly RawRow[]): Layout {
  const preamble: { n: number; text: string }[] = [];
  let block: RawRow[] = [];
  let dataStart: number | null = null;
  for (const r of rows) {
    const ne = nonEmpty(r.cells);
    if (ne === 0) continue;
    if (isDataRow(r.cells)) {
      dataStart = r.n;
      break;
    }
    if (ne === 1 || isNoteRow(r.cells)) {
      // A one-cell line before the header is preamble; it ends any header block begun above it.
      for (const b of block) preamble.push({ n: b.n, text: b.cells.map(rawText).join(' ').trim() });
      block = [];
      preamble.push({ n: r.n, text: normText(String(r.cells.find((c) => c !== null && String(c).trim() !== '') ?? '')) });
      continue;
    }
    block.push(r);
  }
  // A header is at most four rows; anything earlier in the block is preamble-like text.
  const header = block.slice(-4);
  // The header defines the width: a data row with more filled cells than the header is a ragged
  // row to refuse, not a reason to widen the table. Trailing empty header cells do not count.
  const filledWidth = (cells: readonly Cell[]) => {
    let w = cells.length;
    while (w > 0 && (cells[w - 1] === null || cells[w - 1] === undefined || (typeof cells[w - 1] === 'string' && String(cells[w - 1]).trim() === ''))) w--;
    return w;
  };
  const width = Math.max(0, ...header.map((r) => filledWidth(r.cells)));
  const columns = Array.from({ length: width }, (_, i) => headerLabel(header.map((r) => rawText(r.cells[i]))));
  const text = preamble.map((p) => p.text).join('\n');
  const layout: Layout = {
    preamble,
    headerRows: header.map((r) => r.n),
    dataStart,
    columns,
    yearColumns: columns.flatMap((c, i) => {
      const y = parseYear(c);
      return y === undefined ? [] : [{ column: i, year: y }];
    }),
  };
  const unit = unitInText(text);
  if (unit) layout.unit = unit;
  // A single year in the title or 时间 line ("(2019年)", "时间：2019年"); a range is not a year.
  const years = [...text.matchAll(/(\d{4})\s*年/g)].map((m) => Number(m[1]));
  if (years.length === 1 && !/\d{4}\s*年?\s*[-—–至~]/.test(text)) layout.year = years[0]!;
  const indicator = /指标[:：]\s*([^\n]+)/.exec(text);
  if (indicator) layout.indicator = normText(indicator[1] ?? '');
  return layout;
}
