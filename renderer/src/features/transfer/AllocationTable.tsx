// Every county's result under the scenario, sortable on exact values: baseline and scenario
// allocation, the change, spending per student after the transfer, which bound holds it, and the
// two never-decrease rules (a new failure is marked).
import { withUnit } from '../../components/EmptyRow';
import { useMemo, useState } from 'react';
import { asFen, type MoneyUnit } from '../../../../core/money/fen';
import type { UnitRow } from '../../../../core/transfer/impact';
import { SortableTable, type Column } from '../../components/SortableTable';
import { money } from '../../format/numbers';
import { unitLabel, useI18n } from '../../i18n/i18n';
import type { TransferText, TransferTextKey } from './text';

const perStudent = (fen: number | null) => (fen === null ? '—' : (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

export function AllocationTable({ rows, unit, t }: { rows: readonly UnitRow[]; unit: MoneyUnit; t: TransferText }) {
  const { lang } = useI18n();
  const u = unitLabel(unit, lang);
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => (filter.trim() ? rows.filter((r) => r.name.includes(filter.trim()) || r.code.startsWith(filter.trim())) : rows), [rows, filter]);
  const columns: Column<UnitRow>[] = useMemo(() => {
    const status = (s: UnitRow['ruleA']) => <span className={s === 'fail' ? 'negative' : undefined}>{t(s)}</span>;
    return [
      { key: 'code', header: t('code'), cell: (r) => r.code, sortValue: (r) => r.code, align: 'left' },
      { key: 'name', header: t('county'), cell: (r) => r.name, sortValue: (r) => r.name, align: 'left' },
      { key: 'tier', header: t('tier'), cell: (r) => r.tier ?? '—', sortValue: (r) => r.tier },
      { key: 'students', header: t('students'), cell: (r) => r.students.toLocaleString('en-US'), sortValue: (r) => r.students },
      { key: 'baseline', header: withUnit(t('baselineAlloc'), u, lang), cell: (r) => money(asFen(r.baseline), unit), sortValue: (r) => r.baseline },
      { key: 'allocation', header: withUnit(t('scenarioAlloc'), u, lang), cell: (r) => money(asFen(r.allocation), unit), sortValue: (r) => r.allocation },
      { key: 'delta', header: withUnit(t('delta'), u, lang), cell: (r) => <span className={r.delta < 0 ? 'negative' : r.delta > 0 ? 'positive' : undefined}>{money(asFen(r.delta), unit)}</span>, sortValue: (r) => r.delta },
      { key: 'after', header: withUnit(t('perStudentAfter'), t('unit_yuan'), lang), cell: (r) => perStudent(r.perStudentAfter), sortValue: (r) => r.perStudentAfter },
      { key: 'held', header: t('held'), cell: (r) => t(`held_${r.held}` as TransferTextKey), sortValue: (r) => r.held, align: 'left' },
      { key: 'ruleA', header: t('ruleA'), cell: (r) => status(r.ruleA), sortValue: (r) => r.ruleA, align: 'center' },
      { key: 'ruleB', header: t('ruleB'), cell: (r) => status(r.ruleB), sortValue: (r) => r.ruleB, align: 'center' },
    ];
  }, [t, unit, u, lang]);
  return (
    <section className="card" data-testid="allocation-section">
      <h3>
        {t('allocations')} <span className="muted">({shown.length})</span>
      </h3>
      <input className="filter" placeholder={t('filter')} value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="allocation-filter" />
      <div className="table-scroll">
        <SortableTable columns={columns} rows={shown} rowKey={(r) => r.code} rowClassName={(r) => (r.newFailure ? 'row-fail' : undefined)} testId="allocation-table" />
      </div>
    </section>
  );
}

export function WinnersLosers({ winners, losers, unit, t }: { winners: readonly UnitRow[]; losers: readonly UnitRow[]; unit: MoneyUnit; t: TransferText }) {
  const { lang, t: tt } = useI18n();
  const list = (rows: readonly UnitRow[], testId: string) => rows.length === 0 ? (
    <p className="muted empty-why" data-testid={`${testId}-empty`}>{tt(testId === 'winners' ? 'emptyGains' : 'emptyLosses')}</p>
  ) : (
    <ol className="winners" data-testid={testId}>
      {rows.map((r) => (
        <li key={r.code}>
          {r.name}（{r.code}）<span className={r.delta < 0 ? 'negative' : 'positive'}>{money(asFen(r.delta), unit)} {unitLabel(unit, lang)}</span>
        </li>
      ))}
    </ol>
  );
  return (
    <section className="card two-columns" data-testid="winners-losers">
      <div>
        <h4>{t('winners')}</h4>
        {list(winners, 'winners')}
      </div>
      <div>
        <h4>{t('losers')}</h4>
        {list(losers, 'losers')}
      </div>
    </section>
  );
}
