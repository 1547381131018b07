// A table whose columns sort on click (ascending, descending, original order). Sorting uses the
// column's exact sort key, never the formatted text.
import { useMemo, useState, type ReactNode } from 'react';

export type Column<Row> = {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Exact key to sort by; columns without one do not sort. */
  sortValue?: (row: Row) => number | bigint | string | null;
  align?: 'left' | 'right' | 'center';
  className?: (row: Row) => string | undefined;
};

export type Sort = { key: string; dir: 1 | -1 } | null;

function compare(a: number | bigint | string | null, b: number | bigint | string | null): number {
  if (a === null) return b === null ? 0 : 1; // blanks last either way
  if (b === null) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rows in the order a sort shows them (pinned rows last), so an export can follow the screen. */
export function sortRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[], sort: Sort, pinnedLast?: (row: Row) => boolean): Row[] {
  const pinned = rows.filter((r) => pinnedLast?.(r));
  const rest = rows.filter((r) => !pinnedLast?.(r));
  const col = sort && columns.find((c) => c.key === sort.key);
  if (sort && col?.sortValue) {
    const sv = col.sortValue;
    rest.sort((a, b) => {
      const va = sv(a);
      const vb = sv(b);
      if (va === null || vb === null) return compare(va, vb);
      return sort.dir * compare(va, vb);
    });
  }
  return [...rest, ...pinned];
}

/** The next sort after a click on a column's header: descending, ascending, then the original order. */
export function nextSort(sort: Sort, key: string): Sort {
  return sort?.key !== key ? { key, dir: -1 } : sort.dir === -1 ? { key, dir: 1 } : null;
}

/** The header row: sortable columns as buttons with their direction, the rest as plain text. */
export function SortableHeaderRow<Row>({ columns, sort, onCycle }: { columns: readonly Column<Row>[]; sort: Sort; onCycle: (key: string) => void }) {
  return (
    <tr>
      {columns.map((c) => (
        <th key={c.key} className={`align-${c.align ?? 'right'}`} aria-sort={sort?.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'} data-col={c.key}>
          {c.sortValue ? (
            <button type="button" className="sort-button" onClick={() => onCycle(c.key)}>
              {c.header}
              <span className="sort-indicator">{sort?.key === c.key ? (sort.dir === 1 ? '▲' : '▼') : '⇅'}</span>
            </button>
          ) : (
            c.header
          )}
        </th>
      ))}
    </tr>
  );
}

export function SortableTable<Row>({ columns, rows, rowKey, pinnedLast, rowClassName, testId, caption, className, sort: controlled, onSortChange }: {
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Rows kept at the bottom whatever the sort (e.g. the total). */
  pinnedLast?: (row: Row) => boolean;
  rowClassName?: (row: Row) => string | undefined;
  testId?: string;
  caption?: ReactNode;
  className?: string;
  /** Controlled sort (optional): the parent keeps it, e.g. to export rows in the order shown. */
  sort?: Sort;
  onSortChange?: (sort: Sort) => void;
}) {
  const [own, setOwn] = useState<Sort>(null);
  const sort = controlled !== undefined ? controlled : own;
  const sorted = useMemo(() => sortRows(rows, columns, sort, pinnedLast), [rows, sort, columns, pinnedLast]);

  const cycle = (key: string) => {
    const next = nextSort(sort, key);
    setOwn(next);
    onSortChange?.(next);
  };

  return (
    <table className={['data-table', className].filter(Boolean).join(' ')} data-testid={testId}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <SortableHeaderRow columns={columns} sort={sort} onCycle={cycle} />
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={rowKey(r)} data-row={rowKey(r)} className={[pinnedLast?.(r) ? 'total-row' : undefined, rowClassName?.(r)].filter(Boolean).join(' ') || undefined}>
            {columns.map((c) => (
              <td key={c.key} className={[`align-${c.align ?? 'right'}`, c.className?.(r)].filter(Boolean).join(' ')} data-col={c.key}>
                {c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
