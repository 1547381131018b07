// The comparison of two datasets as a table for 'table.export': one row per changed, added or
// removed cell, values as exact decimal text in the stored unit (元, persons, km²).
import type { Output } from '../../../../core/ipc/contracts';
import type { Translate } from '../../i18n/i18n';
import type { Lang } from '../../i18n/messages';
import type { ExportTable } from '../home/table-export';
import { datasetLine } from '../home/table-export';
import { keyLabel, storedDifference, storedKindOf, storedText, storedUnitLabel } from './stored-values';

export type Comparison = Output<'datasets.compare'>;

export function comparisonExportTable(c: Comparison, regionNames: ReadonlyMap<string, string>, x: { t: Translate; lang: Lang; appVersion: string; generatedAt: Date }): ExportTable {
  const { t, lang } = x;
  const kinds = c.cells.map((cell) => storedKindOf(c.a.kind, cell.key));
  const allCounts = kinds.length > 0 && kinds.every((k) => k === 'count');
  const num = allCounts ? 'integer' : 'decimal2';
  return {
    title: t('compareTitleShort', { a: c.a.id, b: c.b.id }),
    columns: [
      { header: t('regionCode'), key: 'code', kind: 'text', width: 10 },
      { header: t('regionName'), key: 'name', kind: 'text', width: 16 },
      { header: t('year'), key: 'year', kind: 'year', width: 8 },
      { header: t('cmpKey'), key: 'key', kind: 'text', width: 20 },
      { header: t('cmpValueA', { id: c.a.id }), key: 'a', kind: num, width: 20 },
      { header: t('cmpValueB', { id: c.b.id }), key: 'b', kind: num, width: 20 },
      { header: t('cmpDifference'), key: 'diff', kind: num, width: 18 },
      { header: t('storedUnit'), key: 'unit', kind: 'text', width: 10 },
    ],
    rows: c.cells.map((cell, i) => {
      const k = kinds[i]!;
      return {
        code: cell.regionCode,
        name: regionNames.get(cell.regionCode) ?? '',
        year: cell.year,
        key: keyLabel(cell.key, lang),
        a: storedText(cell.before, k, false),
        b: storedText(cell.after, k, false),
        diff: storedDifference(cell.before, cell.after, k, false)?.replace(/^\+/, '') ?? null,
        unit: storedUnitLabel(k, lang),
      };
    }),
    provenance: [
      t('compareTitle', { a: c.a.id, b: c.b.id }),
      datasetLine('A', c.a, t),
      datasetLine('B', c.b, t),
      t('cmpCountsLine', { same: c.same, changed: c.changed, added: c.added, removed: c.removed }),
      ...(c.cells.length < c.changed + c.added + c.removed ? [t('cmpExportTruncated', { shown: c.cells.length, total: c.changed + c.added + c.removed })] : []),
      t('provApp', { version: x.appVersion }),
      t('provGenerated', { time: x.generatedAt.toISOString() }),
    ],
  };
}
