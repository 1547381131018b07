// 合规检查: choose a rule, a government level and a scope; read the matrix (regions × years), the
// list of failures, and drill into any cell. Every figure names the datasets and divisor behind it.
import { useState } from 'react';
import type { GovLevel, RuleId } from '../../../../core/compliance/types';
import { DIVISORS, type Divisor } from '../../../../core/metrics/divisor';
import type { MoneyUnit } from '../../../../core/money/fen';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Segmented } from '../../components/Segmented';
import { TaskProgress } from '../../components/TaskProgress';
import { useEngineQuery } from '../../hooks/use-engine-query';
import { useI18n } from '../../i18n/i18n';
import type { Cell } from './cell';
import { Drilldown } from './Drilldown';
import { FailureList } from './FailureList';
import { Matrix } from './Matrix';
import { divisorName, SourcesLine } from './SourcesLine';
import { VarianceReport } from './VarianceReport';
import { complianceText } from './text';
import type { TrendPoint } from './RegionTrend';
import { statusName, type MatrixData } from '../../../../core/compliance/view-arrow';
import { useComplianceView } from './use-compliance-view';


export function ComplianceView({ unit, appVersion }: { unit: MoneyUnit; appVersion: string }) {
  const { lang, t: tt } = useI18n();
  const t = complianceText(lang);
  const [rule, setRule] = useState<RuleId>('edu-spending-no-decrease');
  const [govLevel, setGovLevel] = useState<GovLevel>('county');
  const [scope, setScope] = useState<'consolidated' | 'own_level'>('consolidated');
  // The enrolment divisor is a setting; every result and export names the one used.
  const [divisor, setDivisor] = useState<Divisor>('autumn');
  const [selected, setSelected] = useState<Cell | null>(null);
  const [version, setVersion] = useState(0);
  const rules = useEngineQuery('compliance.rules', {});
  const check = useComplianceView({ rule, govLevel, scope, divisor }, version);
  const ruleInfo = rules.state.status === 'ready' ? rules.state.value.rules.find((r) => r.id === rule) : undefined;
  const ruleName = ruleInfo ? (lang === 'zh' ? ruleInfo.nameZh : ruleInfo.nameEn) : rule;
  const view = check.state.status === 'ready' ? check.state.value : null;
  const years = view?.matrix.years ?? [];

  return (
    <main className="view compliance-view" data-testid="compliance-view">
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <section className="card controls-row" data-testid="compliance-controls">
        <label>
          {t('rule')}{' '}
          <select data-testid="compliance-rule" value={rule} onChange={(e) => { setRule(e.target.value as RuleId); setSelected(null); }}>
            {(rules.state.status === 'ready' ? rules.state.value.rules : []).map((r) => (
              <option key={r.id} value={r.id}>
                {lang === 'zh' ? r.nameZh : r.nameEn}
              </option>
            ))}
          </select>
        </label>
        <Segmented testId="compliance-level" label={t('govLevel')} value={govLevel} onChange={(v: GovLevel) => { setGovLevel(v); setSelected(null); }} options={[{ value: 'province', label: tt('province') }, { value: 'prefecture', label: tt('prefecture') }, { value: 'county', label: tt('county') }]} />
 <label>
          {tt('divisor')}{' '}
          <select data-testid="compliance-divisor" value={divisor} onChange={(e) => { setDivisor(e.target.value as Divisor); setSelected(null); }}>
            {DIVISORS.map((d) => (
              <option key={d} value={d}>
                {divisorName(d, tt)}
              </option>
            ))}
          </select>
        </label>
        <Segmented testId="compliance-scope" label={t('scope')} value={scope} onChange={(v: 'consolidated' | 'own_level') => { setScope(v); setSelected(null); }} options={[{ value: 'consolidated', label: tt('scopeConsolidated') }, { value: 'own_level', label: tt('scopeOwnLevel') }]} />
      </section>
      {ruleInfo && (
        <p className="rule-basis muted" data-testid="compliance-basis">
          {ruleInfo.legalSource}：{ruleInfo.legalBasis}
        </p>
      )}
      {check.state.status === 'loading' && (
        <div data-testid="compliance-loading">
          <div className="loading">{tt('loading')}</div>
          <TaskProgress active label={check.state.total > 0 ? t('computingCount', { done: check.state.done.toLocaleString('en-US'), total: check.state.total.toLocaleString('en-US') }) : t('computing')} rows={0} onCancel={check.cancel} />
        </div>
      )}
      {check.state.status === 'cancelled' && (
        <p className="muted" data-testid="compliance-cancelled">
          {t('cancelled')}{' '}
          <button type="button" className="button-small" data-testid="compliance-recompute" onClick={check.reload}>{t('recompute')}</button>
        </p>
      )}
      {check.state.status === 'error' && <ErrorBanner error={check.state.error} onRetry={check.reload} />}
      {view && (
        <>
          <SourcesLine provenance={view.raw.provenance} />
          {view.raw.rows === 0 ? (
            <p className="muted">{t('noResults')}</p>
          ) : (
            <>
              <Matrix query={view.query} data={view.matrix} annotations={view.raw.annotations} ruleName={ruleName} selected={selected} onSelect={setSelected} provenance={view.raw.provenance} appVersion={appVersion} />
              {selected && (
                <Drilldown
                  rule={rule}
                  ruleName={ruleName}
                  scope={scope}
                  divisor={divisor}
                  cell={selected}
                  unit={unit}
                  history={historyOf(view.matrix, selected.regionCode, view.raw.valueUnit)}
                  onSelect={setSelected}
                  onClose={() => setSelected(null)}
                  onAnnotated={() => setVersion((v) => v + 1)}
                  version={version}
                />
              )}
              <FailureList failures={view.failures} ruleName={ruleName} unit={unit} onSelect={setSelected} provenance={view.raw.provenance} appVersion={appVersion} />
              <VarianceReport years={years} govLevel={govLevel} scope={scope} divisor={divisor} unit={unit} appVersion={appVersion} />
            </>
          )}
        </>
      )}
    </main>
  );
}

/** The region's own results across the years, for the drill-down's trend. */
function historyOf(m: MatrixData, code: string, valueUnit: TrendPoint['valueUnit']): TrendPoint[] {
  const i = m.regions.findIndex((r) => r.code === code);
  if (i < 0) return [];
  const out: TrendPoint[] = [];
  m.years.forEach((year, yi) => {
    const at = i * m.years.length + yi;
    if (m.status[at]! >= 0) out.push({ year, value: m.value(at), valueUnit, status: statusName(m.status[at]!) });
  });
  return out;
}
