// The per-level table: spending, enrolment, per-student amount, each with the prior year and
// growth, and the per-student never-decrease status. Sorting uses exact values.
import type { PerStudentFigure } from '../../../../core/metrics/per-student';
import type { MoneyUnit } from '../../../../core/money/fen';
import { ratioToFloat } from '../../../../core/money/ratio';
import { SortableTable, type Column, type Sort } from '../../components/SortableTable';
import { growthPercent, money, perStudentYuan, students } from '../../format/numbers';
import { levelName, unitLabel, useI18n, type Translate } from '../../i18n/i18n';
import type { Lang } from '../../i18n/messages';
import { StatusBadge } from './StatusBadge';

const growthClass = (g: PerStudentFigure['perStudentGrowth']) => (g && g.num < 0n ? 'negative' : undefined);
const float = (r: { num: bigint; den: bigint } | null) => (r ? ratioToFloat(r) : null);

export const isTotal = (f: PerStudentFigure) => f.level === 'all';

export function perStudentColumns(t: Translate, lang: Lang, unit: MoneyUnit): Column<PerStudentFigure>[] {
  return [
    { key: 'level', header: t('level'), align: 'left', cell: (f) => levelName(f.level, lang), sortValue: (f) => f.level },
    { key: 'spending', header: <span title={t('totalSpending')}>{`${t('spendingShort')}（${unitLabel(unit, lang)}）`}</span>, cell: (f) => money(f.current.spendingFen, unit), sortValue: (f) => f.current.spendingFen },
    { key: 'spendingPrior', header: t('priorYear'), cell: (f) => money(f.prior.spendingFen, unit), sortValue: (f) => f.prior.spendingFen, className: () => 'muted' },
    { key: 'spendingGrowth', header: t('growth'), cell: (f) => growthPercent(f.spendingGrowth), sortValue: (f) => float(f.spendingGrowth), className: (f) => growthClass(f.spendingGrowth) },
    { key: 'students', header: `${t('enrolment')}（${t('persons')}）`, cell: (f) => students(f.current.students), sortValue: (f) => float(f.current.students) },
    { key: 'studentsGrowth', header: t('growth'), cell: (f) => growthPercent(f.studentsGrowth), sortValue: (f) => float(f.studentsGrowth) },
    { key: 'perStudent', header: <span title={t('perStudent')}>{`${t('perStudentShort')}（${t('yuanPerStudent')}）`}</span>, cell: (f) => perStudentYuan(f.current.perStudent), sortValue: (f) => float(f.current.perStudent) },
    { key: 'perStudentPrior', header: t('priorYear'), cell: (f) => perStudentYuan(f.prior.perStudent), sortValue: (f) => float(f.prior.perStudent), className: () => 'muted' },
    { key: 'perStudentGrowth', header: t('growth'), cell: (f) => growthPercent(f.perStudentGrowth), sortValue: (f) => float(f.perStudentGrowth), className: (f) => growthClass(f.perStudentGrowth) },
    { key: 'status', header: t('status'), align: 'center', cell: (f) => <StatusBadge figure={f} />, sortValue: (f) => f.perStudentDirection ?? 'na' },
  ];
}

export function PerStudentTable({ figures, unit, sort, onSortChange }: { figures: PerStudentFigure[]; unit: MoneyUnit; sort: Sort; onSortChange: (s: Sort) => void }) {
  const { t, lang } = useI18n();
  const columns = perStudentColumns(t, lang, unit);
  return <SortableTable columns={columns} rows={figures} rowKey={(f) => f.level} pinnedLast={isTotal} testId="per-student-table" sort={sort} onSortChange={onSortChange} />;
}
