// Where the table is in a sheet: preamble lines above it (title, 单位, NBS "数据库：… 时间：…"),
// one or more header rows (yearbook headers span several rows, Chinese over English), the first
// data row; and what the preamble tells (unit, year, indicator).
import type { Cell, RawRow } from './cells';
import { compact, normText, parseNumberCell, parseYear } from './normalise';
import { unitInText, type Unit } from './units';

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

const NOTE = /^(注|注释|说明|备注|资料来源|数据来源|来源|摘编自|Note|Notes|Source)([:：\s0-9.、(（]|$)/i;

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
      for (const b of block) preamble.push({ n: b.n, text: b.cells.map((c) => (c === null ? '' : String(c))).join(' ').trim() });
      block = [];
      preamble.push({ n: r.n, text: normText(String(r.cells.find((c) => c !== null && String(c).trim() !== '') ?? '')) });
      continue;
    }
    block.push(r);
  }
  // A header is at most four rows; anything earlier in the block is preamble-like text.
  const header = block.slice(-4);
  const width = Math.max(0, ...header.map((r) => r.cells.length), ...rows.filter((r) => r.n >= (dataStart ?? Infinity)).slice(0, 20).map((r) => r.cells.length));
  const columns = Array.from({ length: width }, (_, i) => headerLabel(header.map((r) => (r.cells[i] === null || r.cells[i] === undefined ? '' : String(r.cells[i])))));
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
