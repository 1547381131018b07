// Every data table of the workbench, by keyboard and clipboard, without each view wiring it:
// a table can be reached with Tab, the arrow keys move between its cells (Home/End to the row's
// ends), and Ctrl+C (⌘C) with nothing selected copies the whole table as TSV (pastes into Excel
// or WPS as cells). The copy button beside a table's exports uses the same path.
import { useEffect } from 'react';
import { rowsToTsv, tableRows } from '../components/table-tsv';

const TABLE = 'table.data-table';

/** Copy a table as TSV through the document's copy event (works in Electron and browser mode). */
export function copyTable(table: HTMLTableElement): number {
  pending = table;
  try {
    if (!document.execCommand('copy')) void navigator.clipboard?.writeText(rowsToTsv(tableRows(table)));
  } finally {
    pending = null;
  }
  return table.rows.length;
}
let pending: HTMLTableElement | null = null;

function cellOf(el: Element | null): HTMLTableCellElement | null {
  const cell = el?.closest('td, th');
  return cell && cell.closest(TABLE) ? (cell as HTMLTableCellElement) : null;
}

function focusCell(cell: HTMLTableCellElement | undefined | null): boolean {
  if (!cell) return false;
  // The cell's own control (a sort button, a 详情 button) if it has one, else the cell itself.
  const control = cell.querySelector<HTMLElement>('button, a[href], input, select');
  const target = control ?? cell;
  if (!control && !cell.hasAttribute('tabindex')) cell.tabIndex = -1;
  target.focus();
  target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  return true;
}

function move(cell: HTMLTableCellElement, key: string): boolean {
  const row = cell.parentElement as HTMLTableRowElement;
  const table = cell.closest('table') as HTMLTableElement;
  const rows = [...table.rows];
  const r = rows.indexOf(row);
  const c = cell.cellIndex;
  switch (key) {
    case 'ArrowLeft':
      return focusCell(row.cells[c - 1]);
    case 'ArrowRight':
      return focusCell(row.cells[c + 1]);
    case 'ArrowUp':
      return focusCell(rows[r - 1]?.cells[Math.min(c, rows[r - 1]!.cells.length - 1)]);
    case 'ArrowDown':
      return focusCell(rows[r + 1]?.cells[Math.min(c, rows[r + 1]!.cells.length - 1)]);
    case 'Home':
      return focusCell(row.cells[0]);
    case 'End':
      return focusCell(row.cells[row.cells.length - 1]);
    default:
      return false;
  }
}

export function useTableKeyboard(onCopied: (rows: number) => void): void {
  useEffect(() => {
    // Tables become Tab stops as they appear (views render them at any time).
    const mark = () => document.querySelectorAll<HTMLTableElement>(`${TABLE}:not([tabindex])`).forEach((t) => (t.tabIndex = 0));
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(document.body, { childList: true, subtree: true });

    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const el = document.activeElement;
      if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) return;
      if (el instanceof HTMLTableElement && el.matches(TABLE) && e.key === 'ArrowDown') {
        if (focusCell(el.tBodies[0]?.rows[0]?.cells[0] ?? el.rows[0]?.cells[0])) e.preventDefault();
        return;
      }
      const cell = cellOf(el);
      if (cell && move(cell, e.key)) e.preventDefault();
    };
    const onCopy = (e: ClipboardEvent) => {
      const selection = window.getSelection()?.toString() ?? '';
      const table = pending ?? (selection === '' ? (document.activeElement?.closest(TABLE) as HTMLTableElement | null) : null);
      if (!table || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', rowsToTsv(tableRows(table)));
      e.preventDefault();
      onCopied(table.rows.length);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('copy', onCopy);
    return () => {
      observer.disconnect();
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('copy', onCopy);
    };
  }, [onCopied]);
}
