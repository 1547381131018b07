// A corrected file becomes a new version of its dataset: before committing, the cells it changes
// against the previous version (before → after), in stored units.
import type { ImportKind } from '../../../../core/import/kinds';
import type { ImportOutcome } from '../../../../core/import/request';
import { groupDecimal } from '../../format/numbers';
import { useI18n } from '../../i18n/i18n';
import { datasetKindOf, keyLabel, storedKindOf, storedUnitLabel } from '../datasets/stored-values';

export function ChangesSection({ kind, changes, regionNames }: { kind: ImportKind; changes: NonNullable<ImportOutcome['changes']>; regionNames: ReadonlyMap<string, string> }) {
  const { t, lang } = useI18n();
  const total = changes.changed + changes.added + changes.removed;
  return (
    <section className="panel" data-testid="import-changes">
      <h3>{t('impChangesTitle', { id: changes.previousId })}</h3>
      <p className="counts-line" data-testid="import-changes-counts" data-changed={changes.changed} data-added={changes.added} data-removed={changes.removed}>
        {t('impChangesCounts', { changed: changes.changed, added: changes.added, removed: changes.removed })}
      </p>
      {total === 0 ? (
        <p className="muted">{t('impChangesNone')}</p>
      ) : (
        <table className="data-table" data-testid="import-changes-cells">
          <thead>
            <tr>
              <th className="align-left">{t('regionCode')}</th>
              <th className="align-left">{t('regionName')}</th>
              <th className="align-right">{t('year')}</th>
              <th className="align-left">{t('cmpKey')}</th>
              <th className="align-right">{t('impBefore')}</th>
              <th className="align-center" aria-hidden="true" />
              <th className="align-right">{t('impAfter')}</th>
              <th className="align-left">{t('storedUnit')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.cells.map((c) => (
              <tr key={`${c.regionCode}|${c.year}|${c.key}`} data-region={c.regionCode} data-year={c.year}>
                <td className="align-left"><code>{c.regionCode}</code></td>
                <td className="align-left">{regionNames.get(c.regionCode) ?? ''}</td>
                <td className="align-right">{c.year}</td>
                <td className="align-left">{keyLabel(c.key, lang)}</td>
                <td className="align-right" data-col="before">{c.before === null ? <span className="muted">{t('cmpAbsent')}</span> : groupDecimal(c.before)}</td>
                <td className="align-center muted">→</td>
                <td className="align-right changed-value" data-col="after">{c.after === null ? <span className="muted">{t('cmpAbsent')}</span> : groupDecimal(c.after)}</td>
                <td className="align-left muted">{storedUnitLabel(storedKindOf(datasetKindOf(kind), c.key), lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {changes.cells.length < total && <p className="table-note">{t('impChangesTruncated', { shown: changes.cells.length, total })}</p>}
    </section>
  );
}
