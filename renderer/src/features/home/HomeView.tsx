// The home view: for the chosen region and year, spending, enrolment and per-student spending by
// level with growth, a 10-year trend and the sources behind every figure.
import { useState } from 'react';
import type { RegionInfo } from '../../../../core/ipc/schemas';
import type { Divisor } from '../../../../core/metrics/divisor';
import type { MoneyUnit } from '../../../../core/money/fen';
import { DatasetSources } from '../../components/DatasetSources';
import { DelayedProgress } from '../../components/DelayedProgress';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Segmented } from '../../components/Segmented';
import { sortRows, type Sort } from '../../components/SortableTable';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { KpiCards } from './KpiCards';
import { PerStudentExport } from './PerStudentExport';
import { isTotal, perStudentColumns, PerStudentTable } from './PerStudentTable';
import { TrendPanel } from './TrendPanel';
import { TREND_YEARS, useDerived, usePerStudent } from './use-per-student';

export type HomeSelection = { regionCode: string; year: number | null; scope: 'consolidated' | 'own_level'; divisor: Divisor };

const DIVISOR_LABEL: Record<Divisor, MessageKey> = { autumn: 'divisorAutumn', weighted_8_4: 'divisorWeighted', average_two_autumns: 'divisorAverage' };

export function HomeView({ region, selection, unit, appVersion, onChange }: {
  region: RegionInfo;
  selection: HomeSelection;
  unit: MoneyUnit;
  appVersion: string;
  onChange: (s: Partial<HomeSelection>) => void;
}) {
  const { t, lang } = useI18n();
  const [sort, setSort] = useState<Sort>(null);
  const { state, retry } = usePerStudent(region.code, selection.year, selection.scope);
  const derived = useDerived(state, selection.divisor);
  const year = state.status === 'ready' ? state.response.lastYear : selection.year;
  const years = state.status === 'ready' ? state.response.availableYears : [];
  const total = derived?.table.find((f) => f.level === 'all');

  return (
    <main className="home" data-testid="home">
      <div className="toolbar">
        <label className="control">
          <span className="control-label">{t('year')}</span>
          <select data-testid="year-select" value={year ?? ''} onChange={(e) => onChange({ year: Number(e.target.value) })}>
            {[...new Set([...years, ...(year === null ? [] : [year])])].sort((a, b) => b - a).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <Segmented testId="scope-switch" label={t('scope')} value={selection.scope} onChange={(scope) => onChange({ scope })} options={[{ value: 'consolidated', label: t('scopeConsolidated') }, { value: 'own_level', label: t('scopeOwnLevel') }]} />
        <label className="control">
          <span className="control-label">{t('divisor')}</span>
          <select data-testid="divisor-select" value={selection.divisor} onChange={(e) => onChange({ divisor: e.target.value as Divisor })}>
            {(Object.keys(DIVISOR_LABEL) as Divisor[]).map((d) => (
              <option key={d} value={d}>
                {t(DIVISOR_LABEL[d])}
              </option>
            ))}
          </select>
        </label>
      </div>

      <h2 className="view-title" data-testid="view-title">
        {t('perStudentTitle', { region: region.name, year: year ?? '' })}
        <span className="region-code">{region.code}</span>
      </h2>

      <DelayedProgress active={state.status === 'loading'} label={t('loading')} />
      {state.status === 'error' && <ErrorBanner error={state.error} onRetry={retry} />}
      {state.status === 'ready' && state.response.crosswalk.length > 0 && (
        <p className="notice" data-testid="crosswalk-note">
          {state.response.crosswalk.map((c) => t('crosswalkNote', { old: c.oldCode, new: c.newCode, date: c.effectiveDate, kind: t(`kind_${c.kind}` as MessageKey) })).join(' ')}
        </p>
      )}
      {state.status === 'ready' && derived && (total === undefined || total.current.spendingFen === null) && (
        <div className="empty" data-testid="no-data">
          <p>{t('noData')}</p>
          <p className="muted">{t('noDataHint')}</p>
        </div>
      )}
      {state.status === 'ready' && derived && total && total.current.spendingFen !== null && (
        <>
          <KpiCards total={total} unit={unit} />
          <TrendPanel points={derived.trend} unit={unit} span={TREND_YEARS} />
          <section className="panel">
            <div className="panel-head">
              <h3>{t('tableTitle')}</h3>
              <PerStudentExport
                figures={sortRows(derived.table, perStudentColumns(t, lang, unit), sort, isTotal)}
                response={state.response}
                unit={unit}
                title={t('perStudentTitle', { region: region.name, year: year ?? '' })}
                scopeLabel={t(selection.scope === 'consolidated' ? 'scopeConsolidated' : 'scopeOwnLevel')}
                divisorLabel={t(DIVISOR_LABEL[selection.divisor])}
                appVersion={appVersion}
              />
            </div>
            <PerStudentTable figures={derived.table} unit={unit} sort={sort} onSortChange={setSort} />
            <p className="table-note">
              {t('divisorNote', { divisor: t(DIVISOR_LABEL[selection.divisor]) })} {t('sortHint')}
            </p>
          </section>
          <DatasetSources expenditure={state.response.expenditureDataset} enrolment={state.response.enrolmentDataset} />
        </>
      )}
    </main>
  );
}
