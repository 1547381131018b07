// Regions × years for one rule: each cell pass/fail/n-a by symbol and colour (never colour alone),
// with the crosswalk and restated-base marks; a click opens the drill-down.
import { useMemo } from 'react';
import type { ComplianceResult, Provenance } from '../../../../core/compliance/types';
import { useEngine } from '../../bridge/engine-context';
import { useDownload } from '../../bridge/use-download';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ExportButtons } from '../../components/ExportButtons';
import { useI18n } from '../../i18n/i18n';
import type { Cell } from './ComplianceView';
import { provenanceLines } from './SourcesLine';
import { complianceText } from './text';

const SYMBOL = { pass: '✓', fail: '✗', na: '—' } as const;

export function Matrix({ results, ruleName, selected, onSelect, provenance, appVersion }: {
  results: readonly ComplianceResult[];
  ruleName: string;
  selected: Cell | null;
  onSelect: (c: Cell) => void;
  provenance: Provenance;
  appVersion: string;
}) {
  const { lang, t: tt } = useI18n();
  const t = complianceText(lang);
  const engine = useEngine();
  const { busy, error, download } = useDownload();
  // The region's own figure: rows without an education level (totals, or all levels combined).
  const { years, regions, byKey } = useMemo(() => {
    const own = results.filter((r) => r.level === null);
    const years = [...new Set(own.map((r) => r.year))].sort((a, b) => a - b);
    const regions = [...new Map(own.map((r) => [r.regionCode, r.regionName])).entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const byKey = new Map(own.map((r) => [`${r.regionCode}|${r.year}`, r]));
    return { years, regions, byKey };
  }, [results]);

  const save = (format: 'xlsx' | 'csv') =>
    void download(format, () =>
      engine.call('table.export', {
        format,
        fileStem: `${t('exportMatrixStem')}_${ruleName}`,
        table: {
          title: `${t('matrix')} — ${ruleName}`,
          columns: [{ header: t('code'), key: 'code', kind: 'text' }, { header: t('region'), key: 'region', kind: 'text', width: 18 }, ...years.map((y) => ({ header: String(y), key: String(y), kind: 'text' as const }))],
          rows: regions.map(([code, name]) => ({ code, region: name, ...Object.fromEntries(years.map((y) => [String(y), statusWord(byKey.get(`${code}|${y}`))])) })),
          provenance: [`${t('rule')}: ${ruleName}`, ...provenanceLines(provenance, t, tt), `${tt('appTitle')} ${appVersion}`],
        },
      }),
    );
  function statusWord(r: ComplianceResult | undefined): string | null {
    if (!r) return null;
    return `${t(r.status)}${r.annotations.length ? ` (${t('annotation')}: ${r.annotations.map((a) => a.text).join('; ')})` : ''}`;
  }

  return (
    <section className="card" data-testid="compliance-matrix">
      <div className="card-head">
        <h3>{t('matrix')}</h3>
        <ExportButtons formats={['xlsx', 'csv']} busy={busy as 'xlsx' | 'csv' | null} onExport={(f) => f !== 'arrow' && save(f)} testIdPrefix="matrix-export" />
      </div>
      {error && <ErrorBanner error={error} />}
      <p className="muted small">{t('matrixHint')}</p>
      <div className="matrix-scroll">
        <table className="data-table matrix">
          <thead>
            <tr>
              <th>{t('region')}</th>
              {years.map((y) => (
                <th key={y}>{y}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {regions.map(([code, name]) => (
              <tr key={code}>
                <th scope="row">
                  {name} <span className="code">{code}</span>
                </th>
                {years.map((y) => {
                  const r = byKey.get(`${code}|${y}`);
                  if (!r) return <td key={y} className="cell-empty" />;
                  const isSelected = selected?.regionCode === code && selected.year === y;
                  const marks = `${r.flags.crosswalk ? '⇄' : ''}${r.flags.restatedBase ? '※' : ''}${r.annotations.length ? '✎' : ''}`;
                  return (
                    <td key={y} className={`cell-${r.status}${isSelected ? ' selected' : ''}`}>
                      <button type="button" data-testid={`matrix-cell-${code}-${y}`} data-status={r.status} title={`${name} ${y}: ${t(r.status)}${r.growth ? ` (${r.growth}%)` : ''}`} onClick={() => onSelect({ regionCode: code, year: y })}>
                        {SYMBOL[r.status]}
                        {marks && <sup>{marks}</sup>}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
