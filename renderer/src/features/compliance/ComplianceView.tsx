// 合规检查: choose a rule, a government level and a scope; read the matrix (regions × years), the
// list of failures, and drill into any cell. Every figure names the datasets and divisor behind it.
import { useMemo, useState } from 'react';
import type { GovLevel, RuleId } from '../../../../core/compliance/types';
import { DIVISORS, type Divisor } from '../../../../core/metrics/divisor';
import type { MoneyUnit } from '../../../../core/money/fen';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Segmented } from '../../components/Segmented';
import { useEngineQuery } from '../../hooks/use-engine-query';
import { useI18n } from '../../i18n/i18n';
import { Drilldown } from './Drilldown';
import { FailureList } from './FailureList';
import { Matrix } from './Matrix';
import { divisorName, SourcesLine } from './SourcesLine';
import { VarianceReport } from './VarianceReport';
import { complianceText } from './text';

export type Cell = { regionCode: string; year: number };

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
  const check = useEngineQuery('compliance.check', { rules: [rule], govLevel, scope, divisor }, version);
  const ruleInfo = rules.state.status === 'ready' ? rules.state.value.rules.find((r) => r.id === rule) : undefined;
  const ruleName = ruleInfo ? (lang === 'zh' ? ruleInfo.nameZh : ruleInfo.nameEn) : rule;
  const results = useMemo(() => (check.state.status === 'ready' ? check.state.value.results : []), [check.state]);
  const years = useMemo(() => [...new Set(results.map((r) => r.year))].sort((a, b) => a - b), [results]);

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
      {check.state.status === 'loading' && <div className="loading">{tt('loading')}</div>}
      {check.state.status === 'error' && <ErrorBanner error={check.state.error} onRetry={check.reload} />}
      {check.state.status === 'ready' && (
        <>
          <SourcesLine provenance={check.state.value.provenance} />
          {results.length === 0 ? (
            <p className="muted">{t('noResults')}</p>
          ) : (
            <>
              <Matrix results={results} ruleName={ruleName} selected={selected} onSelect={setSelected} provenance={check.state.value.provenance} appVersion={appVersion} />
              {selected && (
                <Drilldown
                  rule={rule}
                  ruleName={ruleName}
                  scope={scope}
                  divisor={divisor}
                  cell={selected}
                  unit={unit}
                  history={results.filter((r) => r.regionCode === selected.regionCode && r.level === null)}
                  onSelect={setSelected}
                  onClose={() => setSelected(null)}
                  onAnnotated={() => setVersion((v) => v + 1)}
                  version={version}
                />
              )}
              <FailureList results={results} ruleName={ruleName} unit={unit} onSelect={setSelected} provenance={check.state.value.provenance} appVersion={appVersion} />
              <VarianceReport years={years} govLevel={govLevel} scope={scope} divisor={divisor} unit={unit} appVersion={appVersion} />
            </>
          )}
        </>
      )}
    </main>
  );
}
