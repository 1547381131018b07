// Which datasets the figures on screen come from: every view names its sources (file, hash,
// stage, series, scope, import time), so a number can be traced back to the file it came from.
import type { DatasetInfo } from '../../../core/ipc/schemas';
import { useI18n } from '../i18n/i18n';
import { STAGE_LABEL as STAGE } from '../i18n/labels';

function Source({ role, d }: { role: string; d: DatasetInfo }) {
  const { t } = useI18n();
  return (
    <li data-testid={`source-${d.id}`}>
      <span className="source-role">{role}</span>
      <span className="source-name">
        #{d.id} {d.name} {d.synthetic && <span className="badge badge-synthetic">{t('syntheticBadge')}</span>}
      </span>
      <span className="source-meta">
        {d.sourceFileName}
        {d.sheet ? ` · ${d.sheet}` : ''} · {t('sha')} <code title={d.sha256}>{d.sha256.slice(0, 12)}</code> · {t(STAGE[d.releaseStage])}
        {d.basis ? ` · ${t(d.basis === 'moe_edu_funds' ? 'basisMoe' : 'basisMof')}` : ''}
        {d.scope ? ` · ${t(d.scope === 'consolidated' ? 'scopeConsolidated' : 'scopeOwnLevel')}` : ''} · {t('importedAt')} {d.importedAt.slice(0, 19).replace('T', ' ')}
      </span>
    </li>
  );
}

export function DatasetSources({ expenditure, enrolment }: { expenditure: DatasetInfo | null; enrolment: DatasetInfo | null }) {
  const { t } = useI18n();
  return (
    <section className="sources" aria-label={t('datasetsUsed')} data-testid="sources">
      <h3>{t('datasetsUsed')}</h3>
      <ul>
        {expenditure && <Source role={t('expenditureData')} d={expenditure} />}
        {enrolment && <Source role={t('enrolmentData')} d={enrolment} />}
      </ul>
    </section>
  );
}
