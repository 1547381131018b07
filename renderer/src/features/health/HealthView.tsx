// 数据体检: the health of the data basis — coverage per input (regions × years), warnings, what
// each view would show as N/A and why, the compliance rules' N/A reasons, overlapping datasets —
// for one government level and year range; exported as Excel or CSV.
import { useEffect, useState } from 'react';
import { VIEW_NAMES } from '../../../../core/basis/impact';
import type { DataHealthView } from '../../../../core/ipc/health-contracts';
import type { AppError } from '../../../../core/result';
import { useEngine } from '../../bridge/engine-context';
import { useDownload } from '../../bridge/use-download';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ExportButtons, type ExportFormat } from '../../components/ExportButtons';
import { useI18n } from '../../i18n/i18n';
import { healthExportTable } from './health-export';
import { healthText } from './text';

type Level = 'province' | 'prefecture' | 'county';
const GAPS_SHOWN = 8;

export function HealthView({ appVersion, version }: { appVersion: string; version: number }) {
  const engine = useEngine();
  const { lang } = useI18n();
  const t = healthText(lang);
  const [level, setLevel] = useState<Level>('province');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [report, setReport] = useState<DataHealthView | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const { busy, error: exportError, download } = useDownload();
  const year = (s: string) => (/^\d{4}$/.test(s) ? Number(s) : undefined);

  // Years are applied with the button, not on each keystroke.
  const [applied, setApplied] = useState<{ from?: number | undefined; to?: number | undefined }>({});
  const run = () => setApplied({ from: year(from), to: year(to) });
  useEffect(() => {
    let live = true;
    setReport(null);
    setError(null);
    void engine.call('health.report', { govLevel: level, ...applied }).then((r) => {
      if (!live) return;
      if (r.ok) setReport(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [engine, level, version, applied]);

  const save = (f: ExportFormat) => {
    if (!report || f === 'arrow') return;
    void download(f, () => engine.call('table.export', { format: f, fileStem: `${t('exportTitle')}_${report.govLevel}_${report.from ?? ''}-${report.to ?? ''}`, table: healthExportTable(report, t, lang, appVersion, new Date()) }));
  };

  return (
    <main className="view health-view" data-testid="health-view">
      <h2>{t('title')}</h2>
      <p className="view-intro">{t('intro')}</p>
      <div className="health-controls">
        <label>
          {t('level')}{' '}
          <select data-testid="health-level" value={level} onChange={(e) => setLevel(e.target.value as Level)}>
            {(['province', 'prefecture', 'county'] as const).map((l) => (
              <option key={l} value={l}>
                {t(l)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('from')} <input className="input-year" data-testid="health-from" value={from} onChange={(e) => setFrom(e.target.value)} size={5} />
        </label>{' '}
        <label>
          {t('to')} <input className="input-year" data-testid="health-to" value={to} onChange={(e) => setTo(e.target.value)} size={5} />
        </label>{' '}
        <button type="button" className="button-small" data-testid="health-run" onClick={run}>
          {t('refresh')}
        </button>{' '}
        <ExportButtons formats={['xlsx', 'csv']} busy={busy as ExportFormat | null} testIdPrefix="health-export" onExport={save} />
      </div>
      {error && <ErrorBanner error={error} />}
      {exportError && <ErrorBanner error={exportError} />}
      {!report && !error && <div className="loading">{t('loading')}</div>}
      {report && (
        <>
          <p className="health-summary" data-testid="health-summary">
            {t('summary', { level: t(report.govLevel), from: report.from ?? '—', to: report.to ?? '—', regions: report.regions })}
            <br />
            <span className="basis-line">{report.basis.line}</span>
          </p>
          <section className="panel" data-testid="health-coverage">
            <h3>{t('coverage')}</h3>
            <table className="table">
              <thead>
                <tr>
                  <th>{t('input')}</th>
                  <th className="num">{t('covered')}</th>
                  <th className="num">{t('expected')}</th>
                  <th className="num">{t('share')}</th>
                  <th>{t('gaps')}</th>
                </tr>
              </thead>
              <tbody>
                {report.coverage.map((c) => (
                  <tr key={c.input} data-testid="health-coverage-row" data-input={c.input}>
                    <td>{c.input}</td>
                    <td className="num">{c.covered.toLocaleString('en-US')}</td>
                    <td className="num">{c.total.toLocaleString('en-US')}</td>
                    <td className="num">{c.total ? `${((100 * c.covered) / c.total).toFixed(1)}%` : '—'}</td>
                    <td>
                      {c.gaps.length === 0
                        ? t('none')
                        : c.gaps
                            .slice(0, GAPS_SHOWN)
                            .map((g) => `${g.name} ${g.missingYears}`)
                            .join(lang === 'zh' ? '；' : '; ') + (c.gaps.length > GAPS_SHOWN ? ` ${t('gapsMore', { n: c.gaps.length })}` : '')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="panel" data-testid="health-warnings">
            <h3>{t('warnings')}</h3>
            {report.warnings.length === 0 ? (
              <p>{t('none')}</p>
            ) : (
              <ul>
                {report.warnings.map((w, i) => (
                  <li key={i} data-kind={w.kind} data-testid="health-warning">
                    {w.text}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="panel" data-testid="health-views">
            <h3>{t('views')}</h3>
            <table className="table">
              <thead>
                <tr>
                  <th>{t('view')}</th>
                  <th className="num">{t('na')}</th>
                  <th>{t('reason')}</th>
                  <th className="num">{t('count')}</th>
                  <th>{t('examples')}</th>
                </tr>
              </thead>
              <tbody>
                {report.views.flatMap((v) =>
                  (v.reasons.length ? v.reasons : [null]).map((r, i) => (
                    <tr key={`${v.view}-${i}`} data-testid="health-view-row" data-view={v.view}>
                      <td>{i === 0 ? VIEW_NAMES[v.view][lang] : ''}</td>
                      <td className="num">{i === 0 ? `${v.na.toLocaleString('en-US')} / ${v.total.toLocaleString('en-US')}` : ''}</td>
                      <td>{r ? r.reason : t('none')}</td>
                      <td className="num">{r ? r.count.toLocaleString('en-US') : ''}</td>
                      <td>{r ? r.examples.join(lang === 'zh' ? '；' : '; ') : ''}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </section>
          <section className="panel" data-testid="health-overlaps">
            <h3>{t('overlaps')}</h3>
            {report.overlaps.length === 0 ? (
              <p>{t('none')}</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th>{t('input')}</th>
                    <th>{t('used')}</th>
                    <th>{t('other')}</th>
                    <th className="num">{t('regionYears')}</th>
                    <th className="num">{t('same')}</th>
                    <th className="num">{t('rounding')}</th>
                    <th className="num">{t('conflict')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.overlaps.map((o) => (
                    <tr key={`${o.input}-${o.usedId}-${o.otherId}`} data-testid="health-overlap-row">
                      <td>{o.input}</td>
                      <td>#{o.usedId}</td>
                      <td>#{o.otherId}</td>
                      <td className="num">{o.regionYears}</td>
                      <td className="num">{o.same}</td>
                      <td className="num">{o.rounding}</td>
                      <td className="num">{o.conflict}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </main>
  );
}
