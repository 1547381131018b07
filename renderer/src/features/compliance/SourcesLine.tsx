// Which datasets and which enrolment divisor a compliance result was computed from.
import type { Provenance } from '../../../../core/compliance/types';
import { useI18n } from '../../i18n/i18n';
import { ShaCode } from '../../components/ShaCode';
import { complianceText, type ComplianceText } from './text';

export function divisorName(d: Provenance['divisor'], tt: ReturnType<typeof useI18n>['t']): string {
  return d === 'autumn' ? tt('divisorAutumn') : d === 'weighted_8_4' ? tt('divisorWeighted') : tt('divisorAverage');
}

/** Provenance as plain lines, for exports. */
export function provenanceLines(p: Provenance, t: ComplianceText, tt: ReturnType<typeof useI18n>['t']): string[] {
  return [
    ...p.datasets.map((d) => `${t('sources')}: #${d.id} ${d.name} · SHA-256 ${d.sha256}`),
    t('divisorUsed', { d: divisorName(p.divisor, tt) }),
    t('computedAt', { t: p.computedAt }),
  ];
}

export function SourcesLine({ provenance }: { provenance: Provenance }) {
  const { lang, t: tt } = useI18n();
  const t = complianceText(lang);
  return (
    <p className="sources-line muted" data-testid="compliance-sources">
      {t('sources')}:{' '}
      {provenance.datasets.map((d) => (
        <span key={d.id} className="source-item">
          #{d.id} {d.name} · SHA-256 <ShaCode sha256={d.sha256} />
        </span>
      ))}
      {' · '}
      {t('divisorUsed', { d: divisorName(provenance.divisor, tt) })}
    </p>
  );
}
