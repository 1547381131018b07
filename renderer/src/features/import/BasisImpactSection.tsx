// Before commit: whether the import would change the data basis every view reads, and how — per
// input the region-years gained or taken over, the regions and years, the views whose figures
// change, how many compliance results change. An import never changes a view unannounced.
import { VIEW_NAMES, type BasisImpact } from '../../../../core/basis/impact';
import { yearRanges } from '../../../../core/year-ranges';
import { useI18n } from '../../i18n/i18n';

export function BasisImpactSection({ impact }: { impact: BasisImpact }) {
  const { t, lang } = useI18n();
  const views = impact.views.map((v) => VIEW_NAMES[v][lang]).join(lang === 'zh' ? '、' : ', ');
  return (
    <div className={`basis-impact ${impact.changes ? 'basis-impact-changes' : ''}`} data-testid="import-basis-impact" data-changes={impact.changes} role="status">
      <strong>{impact.changes ? t('impBasisChanges', { views }) : t('impBasisSame')}</strong>
      {impact.changes && (
        <ul>
          {impact.inputs.map((i) => (
            <li key={i.input} data-testid="import-basis-input" data-input={i.input}>
              {t('impBasisInput', {
                input: i.input,
                gained: i.gained,
                replaced: i.replaced,
                lost: i.lost,
                regions: i.regionNames.join(lang === 'zh' ? '、' : ', ') + (i.regions > i.regionNames.length ? (lang === 'zh' ? ` 等 ${i.regions} 个` : ` … ${i.regions} in all`) : ''),
                years: yearRanges(i.years),
              })}
              {i.replacedDatasets.length > 0 && t('impBasisReplaced', { ids: i.replacedDatasets.map((d) => `#${d}`).join(', ') })}
            </li>
          ))}
          {impact.results && (
            <li data-testid="import-basis-results">{t('impBasisResults', { changed: impact.results.changed, status: impact.results.statusChanged, added: impact.results.added })}</li>
          )}
        </ul>
      )}
      {impact.changes && <div className="basis-impact-hint">{t('impBasisHint')}</div>}
    </div>
  );
}
