// Year-over-year variance for auditors: every region's education spending (or per-student figure)
// against the prior year, those beyond a threshold flagged, and the largest movers up and down.
import { EmptyRow, withUnit } from '../../components/EmptyRow';
import { useState } from 'react';
import type { GovLevel, VarianceRow } from '../../../../core/compliance/types';
import type { Divisor } from '../../../../core/metrics/divisor';
import type { MoneyUnit } from '../../../../core/money/fen';
import { useEngine } from '../../bridge/engine-context';
import { useDownload } from '../../bridge/use-download';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ExportButtons } from '../../components/ExportButtons';
import { useEngineQuery } from '../../hooks/use-engine-query';
import { levelName, useI18n } from '../../i18n/i18n';
import { provenanceLines } from './SourcesLine';
import { complianceText } from './text';
import { percentText, valueText, valueUnitLabel } from './values';

export function VarianceReport({ years, govLevel, scope, divisor, unit, appVersion }: { years: readonly number[]; govLevel: GovLevel; scope: 'consolidated' | 'own_level'; divisor: Divisor; unit: MoneyUnit; appVersion: string }) {
  const { lang, t: tt } = useI18n();
  const t = complianceText(lang);
  const engine = useEngine();
  const { busy, error, download } = useDownload();
  const [year, setYear] = useState(years[years.length - 1] ?? 2024);
  const [measure, setMeasure] = useState<'total' | 'per_student'>('total');
  const [threshold, setThreshold] = useState('10');
  const valid = /^\d+(\.\d+)?$/.test(threshold);
  const q = useEngineQuery('compliance.variance', { year, govLevel, scope, measure, thresholdPercent: valid ? threshold : '10', top: 10, divisor });
  const valueUnit = measure === 'total' ? 'fen' : 'fen_per_student';
  const u = valueUnitLabel(valueUnit, unit, lang);

  const table = (rows: readonly VarianceRow[], testId: string, empty: string) => (
    <table className="data-table compact" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('region')}</th>
          <th className="num">{withUnit(t('value'), u, lang)}</th>
          <th className="num">{withUnit(t('prior'), u, lang)}</th>
          <th className="num">{withUnit(t('delta'), u, lang)}</th>
          <th className="num">{withUnit(t('growth'), '%', lang)}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && <EmptyRow columns={5} text={empty} testId={`${testId}-empty`} />}
        {rows.map((r) => (
          <tr key={`${r.regionCode}|${r.level ?? ''}`} className={r.overThreshold ? 'row-over' : undefined}>
            <td>
              {r.regionName} <span className="code">{r.regionCode}</span>
              {r.level ? ` · ${levelName(r.level, lang)}` : ''}
              {r.flags.crosswalk ? ' ⇄' : ''}
            </td>
            <td className="num">{valueText(r.value, valueUnit, unit) ?? '—'}</td>
            <td className="num">{valueText(r.priorValue, valueUnit, unit) ?? '—'}</td>
            <td className="num">{valueText(r.delta, valueUnit, unit) ?? '—'}</td>
            <td className="num">{percentText(r.growth) ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  const save = (format: 'xlsx' | 'csv') => {
    if (q.state.status !== 'ready') return;
    const v = q.state.value;
    void download(format, () =>
      engine.call('table.export', {
        format,
        fileStem: `${t('varianceStem')}_${year}`,
        table: {
          title: `${t('variance')} ${year}`,
          columns: [
            { header: t('code'), key: 'code', kind: 'text' },
            { header: t('region'), key: 'region', kind: 'text', width: 16 },
            { header: `${t('value')}（${u}）`, key: 'value', kind: 'decimal2', width: 18 },
            { header: `${t('prior')}（${u}）`, key: 'prior', kind: 'decimal2', width: 18 },
            { header: `${t('delta')}（${u}）`, key: 'delta', kind: 'decimal2', width: 18 },
            { header: `${t('growth')} (%)`, key: 'growth', kind: 'percent2' },
            { header: t('overThreshold', { p: threshold }), key: 'over', kind: 'text' },
          ],
          rows: v.rows.map((r) => ({ code: r.regionCode, region: r.regionName, value: valueText(r.value, valueUnit, unit, false), prior: valueText(r.priorValue, valueUnit, unit, false), delta: valueText(r.delta, valueUnit, unit, false), growth: r.growth === null ? null : percentText(r.growth)!.replace('%', ''), over: r.overThreshold ? '✓' : '' })),
          provenance: [...provenanceLines(v.provenance, t, tt), `${tt('appTitle')} ${appVersion}`],
        },
      }),
    );
  };

  return (
    <section className="card" data-testid="compliance-variance">
      <div className="card-head">
        <h3>{t('variance')}</h3>
        <ExportButtons formats={['xlsx', 'csv']} busy={busy as 'xlsx' | 'csv' | null} onExport={(f) => f !== 'arrow' && save(f)} testIdPrefix="variance-export" />
      </div>
      {error && <ErrorBanner error={error} />}
      <div className="controls-row">
        <select data-testid="variance-year" value={year} onChange={(e) => setYear(Number(e.target.value))} aria-label={t('yearCol')}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <select data-testid="variance-measure" value={measure} onChange={(e) => setMeasure(e.target.value as 'total' | 'per_student')} aria-label={t('measure')}>
          <option value="total">{t('measureTotal')}</option>
          <option value="per_student">{t('measurePerStudent')}</option>
        </select>
        <label>
          {t('threshold')} <input data-testid="variance-threshold" className="narrow" value={threshold} onChange={(e) => setThreshold(e.target.value.trim())} aria-invalid={!valid} /> %
        </label>
        {!valid && <span className="negative">{t('thresholdInvalid')}</span>}
      </div>
      {q.state.status === 'loading' && <div className="loading">{tt('loading')}</div>}
      {q.state.status === 'error' && <ErrorBanner error={q.state.error} onRetry={q.reload} />}
      {q.state.status === 'ready' && (
        <>
          <p className="muted small" data-testid="variance-over">
            {t('overCount', { n: q.state.value.overThreshold, total: q.state.value.rows.length, p: threshold })}
          </p>
          <div className="two-columns">
            <div>
              <h4>{t('topUp')}</h4>
              {table(q.state.value.topUp, 'variance-up', tt('emptyRises', { year }))}
            </div>
            <div>
              <h4>{t('topDown')}</h4>
              {table(q.state.value.topDown, 'variance-down', tt('emptyFalls', { year }))}
            </div>
          </div>
        </>
      )}
    </section>
  );
}
