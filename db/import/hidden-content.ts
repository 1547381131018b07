// What a workbook holds that the user does not see, or that is not a typed value: hidden sheets,
// hidden rows, formulas (whose cached result may be stale) and formulas reading other workbooks.
// None of it is refused — real files carry all of these — but none of it is imported silently:
// each is a warning that must be confirmed, located by sheet, row and column.
import type { CellFlag } from '../../core/import/cells';
import type { Problem } from '../../core/import/problems';
import type { TableSource } from './read';

/** Visible sheets in workbook order, then the hidden ones. */
export function sheetOrder(source: Pick<TableSource, 'sheets' | 'hiddenSheets'>): string[] {
  const hidden = new Set(source.hiddenSheets ?? []);
  return [...source.sheets.filter((s) => !hidden.has(s)), ...source.sheets.filter((s) => hidden.has(s))];
}

/** Which sheet was read and why (a note), and a warning when it is a hidden one. */
export function explainSheetChoice(source: Pick<TableSource, 'sheets' | 'hiddenSheets' | 'format'>, chosen: string, asked: boolean, file: string): { notes: string[]; warnings: Problem[] } {
  if (source.format === 'csv' || source.format === 'tsv') return { notes: [], warnings: [] };
  const hidden = new Set(source.hiddenSheets ?? []);
  const notes: string[] = [];
  const warnings: Problem[] = [];
  const hiddenNames = source.sheets.filter((s) => hidden.has(s));
  if (asked) notes.push(`读取工作表「${chosen}」（按 --sheet 指定）/ reading sheet "${chosen}" as asked`);
  else if (source.sheets.length > 1) {
    const why = hidden.has(chosen) ? '可见工作表均无数据，只有此隐藏工作表有数据' : '第一个有数据的可见工作表';
    const whyEn = hidden.has(chosen) ? 'no visible sheet holds data; only this hidden one does' : 'the first visible sheet with data';
    notes.push(`读取工作表「${chosen}」：${why}${hiddenNames.length && !hidden.has(chosen) ? `；隐藏的工作表${hiddenNames.map((n) => `「${n}」`).join('')}未读取` : ''}（可用 --sheet 指定）/ reading sheet "${chosen}": ${whyEn}${hiddenNames.length && !hidden.has(chosen) ? `; hidden sheet(s) ${hiddenNames.join(', ')} not read` : ''} (choose with --sheet)`);
  }
  if (hidden.has(chosen))
    warnings.push({ code: 'hidden_content', severity: 'warning', file, sheet: chosen, row: null, column: null, value: chosen, expected: `工作表「${chosen}」在 Excel 中是隐藏的：打开文件时看不到这些数据；请核对它是否为要导入的表 / sheet "${chosen}" is hidden in Excel; check that it is the table you mean to import` });
  return { notes, warnings };
}

type Where = { file: string; sheet: string | null; columnName: (col: number) => string };

const MAX_ROWS_LISTED = 8;
const listRows = (rows: readonly number[]): string => `${rows.slice(0, MAX_ROWS_LISTED).join('、')}${rows.length > MAX_ROWS_LISTED ? ` 等 ${rows.length} 行` : ''}`;

/**
 * Collects, over the rows of the table that feed facts, the hidden rows and the formula and
 * external-link cells in the columns used; `problems()` gives one warning per kind and column.
 */
export function hiddenContent(flags: readonly CellFlag[], where: Where) {
  const hiddenRows = new Set<number>();
  const cellKinds = new Map<string, 'formula' | 'external_link'>();
  for (const f of flags) {
    if (f.kind === 'hidden_row') hiddenRows.add(f.row);
    else if (f.kind === 'formula' || f.kind === 'external_link') cellKinds.set(`${f.row}|${f.col}`, f.kind);
  }
  const seenHidden: number[] = [];
  const byColumn = new Map<string, { kind: 'formula' | 'external_link'; col: number; rows: number[] }>();
  return {
    /** A data row of the table, with the columns that feed its facts. */
    seeRow(row: number, columns: ReadonlySet<number>): void {
      if (hiddenRows.has(row)) seenHidden.push(row);
      if (cellKinds.size === 0) return;
      for (const col of columns) {
        const kind = cellKinds.get(`${row}|${col}`);
        if (!kind) continue;
        const key = `${kind}|${col}`;
        const entry = byColumn.get(key) ?? { kind, col, rows: [] };
        entry.rows.push(row);
        byColumn.set(key, entry);
      }
    },
    problems(): Problem[] {
      const out: Problem[] = [];
      if (seenHidden.length)
        out.push({ code: 'hidden_content', severity: 'warning', file: where.file, sheet: where.sheet, row: seenHidden[0]!, column: null, value: `${seenHidden.length} 行`, expected: `第 ${listRows(seenHidden)} 行在 Excel 中是隐藏的，其数据会被导入；请核对这些行是否应当导入 / ${seenHidden.length} hidden row(s) (first: ${seenHidden[0]}) would be imported; check them` });
      for (const e of [...byColumn.values()].sort((a, b) => a.col - b.col || (a.kind < b.kind ? -1 : 1))) {
        const column = where.columnName(e.col);
        if (e.kind === 'external_link')
          out.push({ code: 'external_link', severity: 'warning', file: where.file, sheet: where.sheet, row: e.rows[0]!, column, value: `${e.rows.length} 个单元格`, expected: `第 ${listRows(e.rows)} 行的值由公式引用其他工作簿得到，导入的是上次保存时的缓存值，可能已过时；请打开来源文件更新链接后另存为数值 / ${e.rows.length} cell(s) read another workbook; the cached value may be out of date` });
        else
          out.push({ code: 'formula_cached', severity: 'warning', file: where.file, sheet: where.sheet, row: e.rows[0]!, column, value: `${e.rows.length} 个单元格`, expected: `第 ${listRows(e.rows)} 行是公式，导入的是文件保存时的计算结果（未重新计算，可能已过时）；请核对或粘贴为数值 / ${e.rows.length} formula cell(s): their saved results are imported, not recalculated` });
      }
      return out;
    },
  };
}
