// 规划目标: the plan's targets (today's value, trajectory, straight-line and stated-assumption
// projections, the counties off track), the cost to close county by county with prefecture sums
// and the unit costs it is priced with, and a county page school by school.
import { useMemo, useState } from 'react';
import type { RegionInfo } from '../../../../core/ipc/schemas';
import { assumedProjection } from '../../../../core/balance/projection';
import { targetDefinition, type TargetKey } from '../../../../core/balance/standards';
import type { MoneyUnit } from '../../../../core/money/fen';
import { EChart } from '../../charts/EChart';
import { ErrorBanner } from '../../components/ErrorBanner';
import { RegionSelect } from '../../components/RegionSelect';
import { useEngineQuery } from '../../hooks/use-engine-query';
import { useI18n } from '../../i18n/i18n';
import { targetChartOption } from './chart';
import { CostsPanel } from './CostsPanel';
import { CountyPage } from './CountyPage';
import { targetsText } from './text';

type Tab = 'targets' | 'costs';

export function TargetsView({ regions, initialRegion, unit }: { regions: readonly RegionInfo[]; initialRegion: string | null; unit: MoneyUnit }) {
  const { lang } = useI18n();
  const t = useMemo(() => targetsText(lang), [lang]);
  const choices = useMemo(() => regions.filter((r) => r.validTo === null && (r.level === 'province' || r.level === 'prefecture')), [regions]);
  const [regionCode, setRegionCode] = useState(() => choices.find((r) => r.code === initialRegion)?.code ?? choices[0]?.code ?? '');
  const [yearChoice, setYearChoice] = useState<number | null>(null);
  const [tab, setTab] = useState<Tab>('targets');
  const [county, setCounty] = useState<string | null>(null);
  const [selected, setSelected] = useState<number>(0);
  const [pace, setPace] = useState('');
  const [version, setVersion] = useState(0);
  const monitor = useEngineQuery('targets.monitor', { regionCode, ...(yearChoice !== null ? { year: yearChoice } : {}) });
  const view = monitor.state.status === 'ready' ? monitor.state.value : null;
  const year = yearChoice ?? view?.year ?? null;
  const costs = useEngineQuery('targets.costs', { regionCode, ...(year !== null ? { year } : {}) }, version);

  const pct = (v: number | null | undefined, share: boolean) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : share ? `${(v * 100).toFixed(2)}%` : v.toFixed(4));
  const row = view?.targets[selected] ?? null;
  const stated = pace.trim() === '' ? undefined : Number(pace) / (row?.isShare ? 100 : 1);
  const assumed = row ? assumedProjection(targetDefinition(row.key as TargetKey), row.series, stated !== undefined && Number.isFinite(stated) ? stated : undefined) : null;
  const option = useMemo(
    () => (row ? targetChartOption({ series: row.series, assumed: assumed?.path ?? null, deadline: row.deadline, threshold: row.threshold, isShare: row.isShare }, { actual: t('chartActual'), line: t('chartLine'), assumed: t('chartAssumed'), threshold: t('chartThreshold') }) : null),
    [row, assumed, t],
  );

  if (county && year !== null)
    return (
      <div className="home targets-view" data-testid="targets-view">
        <CountyPage countyCode={county} year={year} unit={unit} synthetic={view?.synthetic ?? false} onBack={() => setCounty(null)} />
      </div>
    );

  return (
    <div className="home targets-view" data-testid="targets-view">
      <h2 className="view-title">{t('title')}</h2>
      <p className="table-note">{t('intro')}</p>
      <div className="toolbar">
        <RegionSelect label={t('region')} testId="targets-region" regions={choices} value={regionCode} onChange={(c) => { setRegionCode(c); setSelected(0); }} />
        <label>
          {t('year')}{' '}
          <select data-testid="targets-year" value={year ?? ''} onChange={(e) => setYearChoice(Number(e.target.value))}>
            {(view?.years ?? []).slice().reverse().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <div role="tablist" className="segmented">
          {(['targets', 'costs'] as const).map((k) => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'active' : undefined} data-testid={`targets-tab-${k}`} onClick={() => setTab(k)}>
              {t(k === 'targets' ? 'tabTargets' : 'tabCosts')}
            </button>
          ))}
        </div>
      </div>
      {view?.synthetic && (
        <div className="synthetic-notice" data-testid="targets-synthetic">
          {t('synthetic')}
        </div>
      )}
      {monitor.state.status === 'loading' && <div className="empty">{t('loading')}</div>}
      {monitor.state.status === 'error' && <ErrorBanner error={monitor.state.error} />}
      {view && tab === 'targets' && (
        <>
          <section className="panel">
            <table className="data-table" data-testid="targets-table">
              <thead>
                <tr>
                  <th className="align-left">{t('target')}</th>
                  <th className="align-left">{t('area')}</th>
                  <th className="align-right">{t('deadline')}</th>
                  <th className="align-right">{t('threshold')}</th>
                  <th className="align-right">{t('latest')}</th>
                  <th className="align-right">{t('lineProjection')}</th>
                  <th className="align-left">{t('status')}</th>
                  <th className="align-left">{t('reason')}</th>
                </tr>
              </thead>
              <tbody>
                {view.targets.map((r, i) => (
                  <tr key={`${r.key}/${r.region}`} data-testid={`target-${r.key}-${r.region}`} className={i === selected ? 'selected' : undefined} onClick={() => { setSelected(i); setPace(''); }} style={{ cursor: 'pointer' }}>
                    <td className="align-left">{lang === 'zh' ? r.label.zh : r.label.en}</td>
                    <td className="align-left">{r.regionName}</td>
                    <td className="align-right">{r.deadline}</td>
                    <td className="align-right">
                      {r.comparator === '>=' ? '≥' : '≤'} {pct(r.threshold, r.isShare)}
                    </td>
                    <td className="align-right">{r.latest ? `${pct(r.latest.value, r.isShare)}（${r.latest.year}）` : '—'}</td>
                    <td className="align-right">{pct(r.projection, r.isShare)}</td>
                    <td className={`align-left status-${r.status}`} data-testid="target-status">
                      {t(r.status)}
                    </td>
                    <td className="align-left muted">{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="table-note">
              {t('sources')}：{view.datasets.map((d) => `#${d.id} ${d.name}${d.synthetic && !d.name.includes('合成数据') ? '（合成数据）' : ''}`).join('；')}
            </p>
          </section>
          {row && option && (
            <section className="panel" data-testid="target-detail">
              <h3>
                {lang === 'zh' ? row.label.zh : row.label.en} · {row.regionName}
              </h3>
              <EChart option={option} height={300} testId="target-chart" />
              <div className="toolbar">
                <label>
                  {t('pace')} <input data-testid="target-pace" type="number" step={0.1} value={pace} onChange={(e) => setPace(e.target.value)} style={{ width: 80 }} />
                </label>
                <span className="muted">{t('paceHint')}</span>
              </div>
              <p className="table-note" data-testid="target-assumption">
                {t('lineProjection')}：{pct(row.projection, row.isShare)}（{row.deadline}）；{t('assumedProjection')}：{assumed ? `${pct(assumed.value, row.isShare)}（${row.deadline}）— ${lang === 'zh' ? assumed.assumption.zh : assumed.assumption.en}` : t('no_data')}
              </p>
              <p className="table-note">{row.reference}</p>
              {row.offTrackUnits.length > 0 && (
                <p className="table-note" data-testid="target-off-units">
                  {t('offTrack')}：{row.offTrackUnits.slice(0, 40).join('、')}
                  {row.offTrackUnits.length > 40 ? ` … (${row.offTrackUnits.length})` : ''}
                </p>
              )}
            </section>
          )}
          {costs.state.status === 'ready' && costs.state.value.problem === null && (
            <section className="panel" data-testid="targets-off-track">
              <h3>{t('offTrack')}</h3>
              <table className="data-table">
                <thead>
                  <tr>
                    <th className="align-left">{t('prefecture')}</th>
                    <th className="align-left">{t('county')}</th>
                    <th className="align-left">{t('resources')}</th>
                    <th className="align-right">{t('failingSchools')}</th>
                    <th className="align-right">{t('failingCvs')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {costs.state.value.counties
                    .filter((c) => !c.certified)
                    .map((c) => (
                      <tr key={c.code} data-testid={`off-track-${c.code}`}>
                        <td className="align-left">{c.prefectureName}</td>
                        <td className="align-left">{c.name}</td>
                        <td className={`align-left${c.status === 'met' ? '' : ' negative'}`}>{c.status === 'met' ? t('statusMet') : t('statusNotMet')}</td>
                        <td className="align-right">{c.failingSchools}</td>
                        <td className="align-right">{c.failingCvs}</td>
                        <td>
                          <button type="button" data-testid={`open-county-${c.code}`} onClick={() => setCounty(c.code)}>
                            {t('open')}
                          </button>
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </section>
          )}
        </>
      )}
      {tab === 'costs' && year !== null && <CostsPanel regionCode={regionCode} year={year} unit={unit} state={costs.state} onSaved={() => setVersion((v) => v + 1)} onOpenCounty={setCounty} />}
    </div>
  );
}
