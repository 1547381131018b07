import type { PerStudentFigure } from '../../../../core/metrics/per-student';
import { useI18n } from '../../i18n/i18n';

export function StatusBadge({ figure }: { figure: PerStudentFigure }) {
  const { t } = useI18n();
  switch (figure.perStudentDirection) {
    case 'rise':
      return <span className="badge badge-pass" data-status="rise">{t('statusRise')}</span>;
    case 'equal':
      return <span className="badge badge-pass" data-status="equal">{t('statusEqual')}</span>;
    case 'fall':
      return <span className="badge badge-fail" data-status="fall">▼ {t('statusFall')}</span>;
    case null:
      return (
        <span className="badge badge-na" data-status="na" title={figure.naReason === 'no_students' ? t('naNoStudents') : t('naNoPrior')}>
          {t('statusNa')}
        </span>
      );
  }
}
