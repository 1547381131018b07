// Headline figures for all levels combined: spending, enrolment, per-student, each with growth.
import type { PerStudentFigure } from '../../../../core/metrics/per-student';
import type { MoneyUnit } from '../../../../core/money/fen';
import { growthPercent, money, perStudentYuan, students } from '../../format/numbers';
import { unitLabel, useI18n } from '../../i18n/i18n';

function Card({ label, value, unit, growth, fell, testId }: { label: string; value: string; unit: string; growth: string; fell: boolean; testId: string }) {
  const { t } = useI18n();
  return (
    <div className={`kpi${fell ? ' kpi-fall' : ''}`} data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">
        <span className="kpi-number">{value}</span> <span className="kpi-unit">{unit}</span>
      </div>
      <div className="kpi-growth">
        {t('growth')} <span className={fell ? 'negative' : ''}>{growth}</span>
        {fell && <span className="badge badge-fail">▼ {t('kpiFallWarning')}</span>}
      </div>
    </div>
  );
}

export function KpiCards({ total, unit }: { total: PerStudentFigure; unit: MoneyUnit }) {
  const { t, lang } = useI18n();
  return (
    <div className="kpis">
      <Card testId="kpi-spending" label={t('totalSpending')} value={money(total.current.spendingFen, unit)} unit={unitLabel(unit, lang)} growth={growthPercent(total.spendingGrowth)} fell={total.spendingDirection === 'fall'} />
      <Card testId="kpi-students" label={t('enrolment')} value={students(total.current.students)} unit={t('persons')} growth={growthPercent(total.studentsGrowth)} fell={false} />
      <Card testId="kpi-per-student" label={t('perStudent')} value={perStudentYuan(total.current.perStudent)} unit={t('yuanPerStudent')} growth={growthPercent(total.perStudentGrowth)} fell={total.perStudentDirection === 'fall'} />
    </div>
  );
}
