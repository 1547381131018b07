// The result of a comparison: counts, then every differing cell with region, year, key, A, B and
// the difference, in the stored unit, with 导出 Excel / CSV of the same table.
import { useEngine } from '../../bridge/engine-context';
import { useDownload } from '../../bridge/use-download';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ExportButtons } from '../../components/ExportButtons';
import { useRegionNames } from '../../hooks/use-region-names';
import { useI18n } from '../../i18n/i18n';
import { comparisonExportTable, type Comparison } from './compare-export';
import { keyLabel, storedDifference, storedKindOf, storedText, storedUnitLabel } from './stored-values';

const EXPORT_LIMIT = 100_000;

export function CompareResult({ comparison: c, appVersion }: { comparison: Comparison; appVersion: string }) {
  const engine = useEngine();
  const { t, lang } = useI18n();
  const names = useRegionNames();
  const { busy, error, download } = useDownload();
  const differing = c.changed + c.added + c.removed;
  // The screen lists the first cells; the export asks again for every differing cell.
  const save = (format: 'xlsx' | 'csv') =>
    void download(format, async () => {
      const all = c.cells.length < differing ? await engine.call('datasets.compare', { a: c.a.id, b: c.b.id, limit: EXPORT_LIMIT }) : { ok: true as const, value: c };
      if (!all.ok) return all;
      return engine.call('table.export', { format, fileStem: t('compareFileStem', { a: c.a.id, b: c.b.id }), table: comparisonExportTable(all.value, names, { t, lang, appVersion, generatedAt: new Date() }) });
    });

  return (
    <div className="compare-result" data-testid="compare-result">
      <div className="panel-head">
        <h4>{t('compareTitle', { a: c.a.id, b: c.b.id })}</h4>
        <ExportButtons formats={['xlsx', 'csv']} busy={busy as 'xlsx' | 'csv' | null} onExport={(f) => f !== 'arrow' && save(f)} testIdPrefix="compare-export" />
      </div>
      {error && <ErrorBanner error={error} />}
      <dl className="counts" data-testid="compare-counts">
        <div data-count="same"><dt>{t('cmpSame')}</dt><dd>{c.same.toLocaleString('en-US')}</dd></div>
        <div data-count="changed" className={c.changed ? 'count-changed' : undefined}><dt>{t('cmpChanged')}</dt><dd>{c.changed.toLocaleString('en-US')}</dd></div>
        <div data-count="added"><dt>{t('cmpAdded')}</dt><dd>{c.added.toLocaleString('en-US')}</dd></div>
        <div data-count="removed"><dt>{t('cmpRemoved')}</dt><dd>{c.removed.toLocaleString('en-US')}</dd></div>
      </dl>
      {differing === 0 ? (
        <p className="muted">{t('cmpIdentical')}</p>
      ) : (
        <div className="table-scroll">
        <table className="data-table" data-testid="compare-cells">
          <thead>
            <tr>
              <th className="align-left">{t('regionCode')}</th>
              <th className="align-left">{t('regionName')}</th>
              <th className="align-right">{t('year')}</th>
              <th className="align-left">{t('cmpKey')}</th>
              <th className="align-right">{t('cmpValueA', { id: c.a.id })}</th>
              <th className="align-right">{t('cmpValueB', { id: c.b.id })}</th>
              <th className="align-right">{t('cmpDifference')}</th>
              <th className="align-left">{t('storedUnit')}</th>
            </tr>
          </thead>
          <tbody>
            {c.cells.map((cell) => {
              const k = storedKindOf(c.a.kind, cell.key);
              return (
                <tr key={`${cell.regionCode}|${cell.year}|${cell.key}`} data-region={cell.regionCode} data-year={cell.year}>
                  <td className="align-left"><code>{cell.regionCode}</code></td>
                  <td className="align-left">{names.get(cell.regionCode) ?? ''}</td>
                  <td className="align-right">{cell.year}</td>
                  <td className="align-left">{keyLabel(cell.key, lang)}</td>
                  <td className="align-right" data-col="a">{storedText(cell.before, k) ?? <span className="muted">{t('cmpAbsent')}</span>}</td>
                  <td className="align-right" data-col="b">{storedText(cell.after, k) ?? <span className="muted">{t('cmpAbsent')}</span>}</td>
                  <td className="align-right" data-col="diff">{storedDifference(cell.before, cell.after, k) ?? ''}</td>
                  <td className="align-left muted">{storedUnitLabel(k, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      )}
      {c.cells.length < differing && <p className="table-note">{t('cmpTruncated', { shown: c.cells.length, total: differing })}</p>}
    </div>
  );
}
