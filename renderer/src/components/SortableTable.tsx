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

type Sort = { key: string; dir: 1 | -1 } | null;

function compare(a: number | bigint | string | null, b: number | bigint | string | null): number {
  if (a === null) return b === null ? 0 : 1; // blanks last either way
  if (b === null) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function SortableTable<Row>({ columns, rows, rowKey, pinnedLast, testId, caption }: {
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Rows kept at the bottom whatever the sort (e.g. the total). */
  pinnedLast?: (row: Row) => boolean;
  testId?: string;
  caption?: ReactNode;
}) {
  const [sort, setSort] = useState<Sort>(null);
  const sorted = useMemo(() => {
    const pinned = rows.filter((r) => pinnedLast?.(r));
    const rest = rows.filter((r) => !pinnedLast?.(r));
    const col = sort && columns.find((c) => c.key === sort.key);
    if (col?.sortValue) {
      const sv = col.sortValue;
      rest.sort((a, b) => {
        const va = sv(a);
        const vb = sv(b);
        if (va === null || vb === null) return compare(va, vb);
        return sort!.dir * compare(va, vb);
      });
    }
    return [...rest, ...pinned];
  }, [rows, sort, columns, pinnedLast]);

  const cycle = (key: string) =>
    setSort((s) => (s?.key !== key ? { key, dir: -1 } : s.dir === -1 ? { key, dir: 1 } : null));

  return (
    <table className="data-table" data-testid={testId}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} className={`align-${c.align ?? 'right'}`} aria-sort={sort?.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'} data-col={c.key}>
              {c.sortValue ? (
                <button type="button" className="sort-button" onClick={() => cycle(c.key)}>
                  {c.header}
                  <span className="sort-indicator">{sort?.key === c.key ? (sort.dir === 1 ? '▲' : '▼') : '⇅'}</span>
                </button>
              ) : (
                c.header
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={rowKey(r)} data-row={rowKey(r)} className={pinnedLast?.(r) ? 'total-row' : undefined}>
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
