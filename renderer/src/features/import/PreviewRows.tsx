// The first rows as they will be stored (region resolved to its code, year, level, key, value in
// the stored unit), and the total per year and field — the figures to check against the source.
import type { ImportKind } from '../../../../core/import/kinds';
import type { ImportOutcome } from '../../../../core/import/request';
import { isLevelCode } from '../../../../core/levels';
import { groupDecimal } from '../../format/numbers';
import { levelName, useI18n } from '../../i18n/i18n';
import type { Lang } from '../../i18n/messages';
import { keyLabel, unitText } from '../datasets/stored-values';
import { fieldChoices } from './mapping-edit';

type Preview = ImportOutcome['preview'];

function fieldName(kind: ImportKind, name: string, lang: Lang): string {
  const f = fieldChoices(kind).find((c) => c.name === name);
  return f ? (lang === 'zh' ? f.zh : f.name) : name;
}

export function PreviewRows({ kind, rows, factCount }: { kind: ImportKind; rows: Preview['rows']; factCount: number }) {
  const { t, lang } = useI18n();
  const field = (name: string) => fieldName(kind, name, lang);
  // A key that only repeats the field (a capacity indicator) is not shown twice.
  const showKey = rows.some((r) => r.key !== '' && r.key !== r.field);
  return (
    <section className="panel" data-testid="import-preview-rows">
      <h3>{t('impPreviewRows', { n: rows.length, total: factCount.toLocaleString('en-US') })}</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th className="align-right">{t('impRow')}</th>
            <th className="align-left">{t('regionCode')}</th>
            <th className="align-left">{t('regionName')}</th>
            <th className="align-right">{t('year')}</th>
            <th className="align-left">{t('level')}</th>
            {showKey && <th className="align-left">{t('cmpKey')}</th>}
            <th className="align-left">{t('impField')}</th>
            <th className="align-right">{t('impStoredValue')}</th>
            <th className="align-left">{t('storedUnit')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} data-region={r.regionCode} data-region-name={r.regionName} data-year={r.year} data-field={r.field}>
              <td className="align-right muted">{r.row}</td>
              <td className="align-left"><code>{r.regionCode}</code></td>
              <td className="align-left">{r.regionName}</td>
              <td className="align-right">{r.year}</td>
              <td className="align-left">{r.level === 'all' ? <span className="muted">{levelName('all', lang)}</span> : isLevelCode(r.level) ? levelName(r.level, lang) : r.level}</td>
              {showKey && <td className="align-left">{keyLabel(r.key, lang)}</td>}
              <td className="align-left">{field(r.field)}</td>
              <td className="align-right" data-col="stored">{groupDecimal(r.stored)}</td>
              <td className="align-left muted" data-col="unit">{unitText(r.storedUnit, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function TotalsByYear({ kind, totals }: { kind: ImportKind; totals: Preview['totalsByYear'] }) {
  const { t, lang } = useI18n();
  return (
    <section className="panel panel-half" data-testid="import-totals">
      <h3>{t('impTotals')}</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th className="align-right">{t('year')}</th>
            <th className="align-left">{t('impField')}</th>
            <th className="align-right">{t('impTotal')}</th>
            <th className="align-left">{t('storedUnit')}</th>
            <th className="align-right">{t('impFacts')}</th>
          </tr>
        </thead>
        <tbody>
          {totals.map((x) => (
            <tr key={`${x.year}|${x.field}`} data-year={x.year} data-field={x.field}>
              <td className="align-right">{x.year}</td>
              <td className="align-left">{fieldName(kind, x.field, lang)}</td>
              <td className="align-right" data-col="total">{groupDecimal(x.total)}</td>
              <td className="align-left muted">{unitText(x.storedUnit, lang)}</td>
              <td className="align-right">{x.facts.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function Reconciliation({ rows }: { rows: ImportOutcome['reconciliation'] }) {
  const { t, lang } = useI18n();
  return (
    <section className="panel panel-half" data-testid="import-reconciliation">
      <h3>{t('impReconciliation')}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('impNoControls')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th className="align-left">{t('impControlLabel')}</th>
              <th className="align-right">{t('year')}</th>
              <th className="align-right">{t('impExpectedTotal')}</th>
              <th className="align-right">{t('impSumOfParts')}</th>
              <th className="align-right">{t('impDifference')}</th>
              <th className="align-center">{t('impOk')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} data-ok={r.ok} className={r.ok ? undefined : 'problem-warning'}>
                <td className="align-left wrap">{r.label}{r.row !== null && <span className="muted"> · {t('impRowN', { n: r.row })}</span>}</td>
                <td className="align-right">{r.year ?? '—'}</td>
                <td className="align-right">{groupDecimal(r.expected)} <span className="muted">{unitText(r.storedUnit, lang)}</span></td>
                <td className="align-right">{groupDecimal(r.actual)}</td>
                <td className="align-right" title={t('impTolerance', { tol: r.tolerance })}>{groupDecimal(r.difference)}</td>
                <td className="align-center">{r.ok ? <span className="badge badge-pass">✓</span> : <span className="badge badge-fail">✗</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
