// One region and year under one rule: the result and why (the per-student change split into a
// spending and an enrolment effect), its subordinate regions, its levels and its 205 budget
// function codes; and the notes an analyst attaches (the failure stays a failure).
import { useState } from 'react';
import type { ComplianceResult, RuleId } from '../../../../core/compliance/types';
import type { Divisor } from '../../../../core/metrics/divisor';
import type { MoneyUnit } from '../../../../core/money/fen';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useEngineQuery } from '../../hooks/use-engine-query';
import { levelName, useI18n } from '../../i18n/i18n';
import type { Cell } from './cell';
import { mixedEffect } from './mixed-effects';
import { NoteForm } from './NoteForm';
import { RegionTrend, type TrendPoint } from './RegionTrend';
import { complianceText } from './text';
import { percentText, valuePairText, valueText, valueUnitLabel } from './values';

export function Drilldown({ rule, ruleName, scope, divisor, cell, unit, history, onSelect, onClose, onAnnotated, version }: {
  rule: RuleId;
  ruleName: string;
  scope: 'consolidated' | 'own_level';
  divisor: Divisor;
  cell: Cell;
  unit: MoneyUnit;
  /** The region's own results across the years, for the trend chart. */
  history: readonly TrendPoint[];
  onSelect: (c: Cell) => void;
  onClose: () => void;
  onAnnotated: () => void;
  version: number;
}) {
  const { lang, t: tt } = useI18n();
  const t = complianceText(lang);
  const [trail, setTrail] = useState<Cell[]>([]);
  const q = useEngineQuery('compliance.drilldown', { rule, regionCode: cell.regionCode, year: cell.year, scope, divisor }, version);
  // This year and last year side by side: as many decimals as it takes for a fall to show.
  const pair = (r: ComplianceResult, prior: string | null) => valuePairText(r.value, prior, r.valueUnit, unit).map((x) => (x === null ? '—' : `${x} ${valueUnitLabel(r.valueUnit, unit, lang)}`)) as [string, string];
  const statusBadge = (r: ComplianceResult) => <span className={`status status-${r.status}`}>{t(r.status)}</span>;
  const down = (c: Cell) => {
    setTrail((tr) => [...tr, cell]);
    onSelect(c);
  };
  const up = () => {
    const prev = trail[trail.length - 1];
    if (!prev) return;
    setTrail((tr) => tr.slice(0, -1));
    onSelect(prev);
  };

  if (q.state.status === 'loading') return <section className="card">{tt('loading')}</section>;
  if (q.state.status === 'error') return <section className="card"><ErrorBanner error={q.state.error} onRetry={q.reload} /></section>;
  const d = q.state.value;
  const r = d.region;
  // The region's own decomposition, else that of its first failing level (named in the heading).
  const decomposed = r?.decomposition ? r : d.levels.find((l) => l.decomposition) ?? null;
  const decomposition = decomposed?.decomposition ?? null;
  const mixed = mixedEffect(r, d.levels, lang);
  return (
    <section className="card drilldown" data-testid="compliance-drilldown">
      <div className="card-head">
        <h3>
          {r?.regionName ?? cell.regionCode} {cell.year} · {ruleName}
        </h3>
        <span>
          {trail.length > 0 && (
            <button type="button" className="button-small" data-testid="drill-up" onClick={up}>
              ↑ {t('back')}
            </button>
          )}{' '}
          <button type="button" className="button-small" onClick={onClose}>
            {t('close')}
          </button>
        </span>
      </div>
      {r && (
        <dl className="drill-summary" data-testid="drill-summary" data-status={r.status}>
          <dt>{t('status')}</dt>
          <dd>{statusBadge(r)}</dd>
          <dt>{t('value')}</dt>
          <dd>{pair(r, r.priorValue ?? r.benchmark)[0]}</dd>
          <dt>{t('prior')}</dt>
          <dd>{pair(r, r.priorValue ?? r.benchmark)[1]}</dd>
          <dt>{t('growth')}</dt>
          <dd>{percentText(r.growth) ?? '—'}</dd>
          {r.reason && (
            <>
              <dt>{t('reason')}</dt>
              <dd>{r.reason}</dd>
            </>
          )}
          {r.flags.crosswalk && <dd className="flag">⇄ {t('crosswalk', { codes: r.flags.predecessors.join('、') })}</dd>}
          {r.flags.restatedBase && <dd className="flag">※ {t('restated')}</dd>}
        </dl>
      )}
      {history.length > 1 && (
        <>
          <h4>{t('trend')}</h4>
          <RegionTrend history={history} unit={unit} />
        </>
      )}
      {decomposition && (
        <div className="decomposition" data-testid="drill-decomposition">
          <h4>
            {t('decomposition')} · {levelName(decomposed?.level ?? 'all', lang)}
          </h4>
          <table className="data-table compact">
            <tbody>
              <tr>
                <th>{t('spendingEffect')}</th>
                <td data-testid="effect-spending">{decomposition.spendingEffect} pp</td>
                <th>{t('spendingGrowth')}</th>
                <td>{decomposition.spendingGrowth === null ? '—' : `${decomposition.spendingGrowth}%`}</td>
              </tr>
              <tr>
                <th>{t('enrolmentEffect')}</th>
                <td data-testid="effect-enrolment">{decomposition.enrolmentEffect} pp</td>
                <th>{t('enrolmentGrowth')}</th>
                <td>{decomposition.enrolmentGrowth === null ? '—' : `${decomposition.enrolmentGrowth}%`}</td>
              </tr>
              <tr>
                <th>{t('totalGrowth')}</th>
                <td data-testid="effect-total">{decomposition.totalGrowth}%</td>
                <td colSpan={2} className="muted small">{t('decompositionHint')}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
      {mixed && (
        <p className="mixed-effect alert-line" data-testid="drill-mixed-effect">
          {mixed}
        </p>
      )}
      {d.children.length > 0 && (
        <>
          <h4>{t('children')}</h4>
          <table className="data-table compact" data-testid="drill-children">
            <thead>
              <tr><th>{t('region')}</th><th>{t('value')}</th><th>{t('prior')}</th><th>{t('growth')}</th><th>{t('status')}</th></tr>
            </thead>
            <tbody>
              {d.children.map((c) => (
                <tr key={`${c.regionCode}|${c.level ?? ''}`} className={`row-${c.status}`}>
                  <td>
                    <button type="button" className="link" data-testid={`drill-child-${c.regionCode}`} onClick={() => down({ regionCode: c.regionCode, year: cell.year })}>
                      {c.regionName}
                    </button>{' '}
                    <span className="code">{c.regionCode}</span>
                  </td>
                  <td className="num">{pair(c, c.priorValue)[0]}</td>
                  <td className="num">{pair(c, c.priorValue)[1]}</td>
                  <td className="num">{percentText(c.growth) ?? '—'}</td>
                  <td>{statusBadge(c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {d.levels.length > 0 && (
        <>
          <h4>{t('levels')}</h4>
          <table className="data-table compact" data-testid="drill-levels">
            <thead>
              <tr><th>{t('level')}</th><th>{t('value')}</th><th>{t('prior')}</th><th>{t('growth')}</th><th>{t('spendingEffect')}</th><th>{t('enrolmentEffect')}</th><th>{t('status')}</th></tr>
            </thead>
            <tbody>
              {d.levels.map((l) => (
                <tr key={l.level ?? 'all'} className={`row-${l.status}`}>
                  <td>{levelName(l.level ?? 'all', lang)}</td>
                  <td className="num">{pair(l, l.priorValue)[0]}</td>
                  <td className="num">{pair(l, l.priorValue)[1]}</td>
                  <td className="num">{percentText(l.growth) ?? '—'}</td>
                  <td className="num">{l.decomposition ? `${l.decomposition.spendingEffect} pp` : ''}</td>
                  <td className="num">{l.decomposition ? `${l.decomposition.enrolmentEffect} pp` : ''}</td>
                  <td>{statusBadge(l)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {d.functions.length > 0 && (
        <>
          <h4>{t('functions')}</h4>
          <table className="data-table compact" data-testid="drill-functions">
            <thead>
              <tr><th>{t('funcCode')}</th><th>{t('funcName')}</th><th>{t('value')}</th><th>{t('prior')}</th><th>{t('delta')}</th><th>{t('growth')}</th></tr>
            </thead>
            <tbody>
              {d.functions.map((f) => (
                <tr key={f.funcCode}>
                  <td className="code">{f.funcCode}</td>
                  <td>{f.name ?? ''}</td>
                  <td className="num">{valueText(f.value, 'fen', unit) ?? '—'}</td>
                  <td className="num">{valueText(f.priorValue, 'fen', unit) ?? '—'}</td>
                  <td className="num">{valueText(f.delta, 'fen', unit) ?? '—'}</td>
                  <td className="num">{percentText(f.growth) ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {r && r.annotations.length > 0 && (
        <div data-testid="drill-notes">
          <h4>{t('notes')}</h4>
          <ul>
            {r.annotations.map((a) => (
              <li key={a.id}>
                ✎ {a.text} <span className="muted small">— {a.author}, {a.createdAt}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {r && r.status === 'fail' && <NoteForm rule={rule} scope={scope} result={r} onSaved={onAnnotated} />}
    </section>
  );
}
