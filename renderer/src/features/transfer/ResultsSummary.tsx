// The headline of a scenario: pool, gaining and losing counties, rule failures (and how many the
// scenario adds), money the bounds divert, warnings, what changed, and equity before and after.
import { asFen, type MoneyUnit } from '../../../../core/money/fen';
import type { ScenarioReport } from '../../../../core/transfer/compare';
import type { EquityStats } from '../../../../core/equity/metrics';
import { BOUND_REASONS } from '../../../../core/transfer/impact';
import { money } from '../../format/numbers';
import { unitLabel } from '../../i18n/i18n';
import type { TransferText } from './text';
import { EquityMeasureName } from './EquityMeasureName';

type MetricKey = 'range' | 'restrictedRange' | 'federalRangeRatio' | 'cv' | 'mcloone' | 'verstegen' | 'gini' | 'theil' | 'theilWithin' | 'theilBetween' | 'wealthCorrelation' | 'wealthElasticity';
/** name, and whether a higher value is more equal */
const METRICS: readonly { key: MetricKey; zh: string; en: string; higherBetter: boolean; digits: number }[] = [
  { key: 'range', zh: '极差（元）', en: 'Range (yuan)', higherBetter: false, digits: 2 },
  { key: 'restrictedRange', zh: '限制极差 P95−P5（元）', en: 'Restricted range P95−P5 (yuan)', higherBetter: false, digits: 2 },
  { key: 'federalRangeRatio', zh: '联邦极差比', en: 'Federal range ratio', higherBetter: false, digits: 6 },
  { key: 'cv', zh: '变异系数', en: 'Coefficient of variation', higherBetter: false, digits: 6 },
  { key: 'mcloone', zh: 'McLoone 指数', en: 'McLoone index', higherBetter: true, digits: 6 },
  { key: 'verstegen', zh: 'Verstegen 指数', en: 'Verstegen index', higherBetter: false, digits: 6 },
  { key: 'gini', zh: '基尼系数', en: 'Gini', higherBetter: false, digits: 6 },
  { key: 'theil', zh: '泰尔指数', en: 'Theil T', higherBetter: false, digits: 6 },
  { key: 'theilWithin', zh: '泰尔：档内', en: 'Theil within tiers', higherBetter: false, digits: 6 },
  { key: 'theilBetween', zh: '泰尔：档间', en: 'Theil between tiers', higherBetter: false, digits: 6 },
  { key: 'wealthCorrelation', zh: '与人均财力的相关系数', en: 'Correlation with revenue per student', higherBetter: false, digits: 6 },
  { key: 'wealthElasticity', zh: '对人均财力的弹性', en: 'Elasticity to revenue per student', higherBetter: false, digits: 6 },
];

function metric(s: EquityStats, key: MetricKey): number | null {
  return s[key];
}

export function ResultsSummary({ report, unit, lang, t }: { report: ScenarioReport; unit: MoneyUnit; lang: 'zh' | 'en'; t: TransferText }) {
  const r = report.result;
  const newly = r.counts.eduSpending.newlyFailing + r.counts.perStudent.newlyFailing;
  const conflicts = r.allocation.warnings.find((w) => w.code === 'bounds_conflict');
  const infeasible = r.allocation.warnings.filter((w) => w.code === 'infeasible_low' || w.code === 'infeasible_high');
  const partial = r.allocation.warnings.find((w) => w.code === 'scores_partial');
  return (
    <section className="card" data-testid="transfer-summary">
      <h3>{t('summary')}</h3>
      <div className="kpis">
        <Kpi label={t('pool')} value={`${money(asFen(r.allocation.pool), unit)} ${unitLabel(unit, lang)}`} testId="kpi-pool" />
        <Kpi label={t('gaining')} value={String(report.winners.gaining)} testId="kpi-gaining" />
        <Kpi label={t('losing')} value={String(report.winners.losing)} testId="kpi-losing" />
        <Kpi label={t('eduFail')} value={`${r.counts.eduSpending.scenario}`} sub={`${t('baseline')} ${r.counts.eduSpending.baseline}`} testId="kpi-edu-fail" alert={r.counts.eduSpending.newlyFailing > 0} />
        <Kpi label={t('perStudentFail')} value={`${r.counts.perStudent.scenario}`} sub={`${t('baseline')} ${r.counts.perStudent.baseline}`} testId="kpi-per-student-fail" alert={r.counts.perStudent.newlyFailing > 0} />
        <Kpi label={t('diverted')} value={`${money(asFen(report.diversion.total), unit)} ${unitLabel(unit, lang)}`} testId="kpi-diverted" />
      </div>
      <p className={newly > 0 ? 'alert-line' : 'muted'} data-testid="new-failures" data-count={newly} role={newly > 0 ? 'alert' : undefined}>
        {newly > 0 ? t('newlyFailing', { n: newly }) : t('noNewFailures')}
      </p>
      {infeasible.map((w) => (
        <p key={w.detail} className="alert-line" role="alert" data-testid="infeasible">
          {t('infeasible', { detail: t(w.code === 'infeasible_low' ? 'infeasibleLow' : 'infeasibleHigh') })}
        </p>
      ))}
      {conflicts && <p className="muted">{t('conflicts', { n: conflicts.units?.length ?? 0 })}</p>}
      {partial && (
        <p className="alert-line" data-testid="scores-partial">
          {t('scoresPartial', { n: partial.units?.length ?? 0, names: (partial.units ?? []).slice(0, 8).map((i) => report.rows[i]!.name).join(lang === 'zh' ? '、' : ', ') + ((partial.units?.length ?? 0) > 8 ? '…' : '') })}
        </p>
      )}
      {report.diversion.total > 0 && (
        <p className="muted" data-testid="diverted-by">
          {t('divertedBy', {
            parts: BOUND_REASONS.filter((k) => report.diversion.byReason[k] > 0)
              .map((k) => `${t(`bound_${k}`)} ${money(asFen(report.diversion.byReason[k]), unit)} ${unitLabel(unit, lang)}`)
              .join(lang === 'zh' ? '；' : '; '),
          })}
        </p>
      )}
      <h4>{t('whatChanged')}</h4>
      {report.changes.length === 0 ? (
        <p className="muted" data-testid="what-changed-none">
          {t('noChanges')}
        </p>
      ) : (
        <ul className="what-changed" data-testid="what-changed">
          {report.changes.map((c) => (
            <li key={c.key}>
              <strong>{c.label[lang]}</strong>：{fmt(c.from, c.unit, t)} → {fmt(c.to, c.unit, t)}
              {(c.period.from !== null || c.period.to !== null) && `（${c.period.from ?? '…'}–${c.period.to ?? '…'}）`} <span className="muted">{c.reference}</span>
            </li>
          ))}
        </ul>
      )}
      {report.equity && (
        <>
          <h4>{t('equity')}</h4>
          <table className="data-table equity-table" data-testid="equity-table">
            <thead>
              <tr>
                <th>{t('metric')}</th>
                <th className="num">{t('before')}</th>
                <th className="num">{t('after')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {METRICS.map((m) => {
                const b = metric(report.equity!.before, m.key);
                const a = metric(report.equity!.after, m.key);
                const better = a !== null && b !== null && a !== b ? (a > b) === m.higherBetter : null;
                return (
                  <tr key={m.key} data-metric={m.key}>
                    <td>
                      <EquityMeasureName measure={m.key} name={lang === 'zh' ? m.zh : m.en} lang={lang} />
                    </td>
                    <td className="num">{b === null ? '—' : b.toFixed(m.digits)}</td>
                    <td className="num" data-testid={`equity-after-${m.key}`}>
                      {a === null ? '—' : a.toFixed(m.digits)}
                    </td>
                    <td className={better === null ? '' : better ? 'positive' : 'negative'}>{better === null ? '' : better ? t('better') : t('worse')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function fmt(v: number, unit: string, t: TransferText): string {
  if (unit === 'fraction') return `${Number((v * 100).toFixed(4))}%`;
  if (unit === 'yuan') return `${v.toLocaleString('en-US')} ${t('unit_yuan')}`;
  if (unit === 'yuan_per_student') return `${v} ${t('unit_yuan_per_student')}`;
  return String(v);
}

function Kpi({ label, value, sub, testId, alert }: { label: string; value: string; sub?: string; testId: string; alert?: boolean }) {
  return (
    <div className={`kpi${alert ? ' kpi-alert' : ''}`} data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      {sub && <div className="kpi-sub muted">{sub}</div>}
    </div>
  );
}
