// The 10-year trend chart, with the same numbers as an accessible table beneath it (screen readers,
// copy-paste, and the end-to-end tests read it).
import { useMemo } from 'react';
import type { TrendPoint } from '../../../../core/metrics/per-student';
import type { MoneyUnit } from '../../../../core/money/fen';
import { EChart } from '../../charts/EChart';
import { trendModel, trendOption } from '../../charts/options/trend';
import { levelName, unitLabel, useI18n } from '../../i18n/i18n';

export function TrendPanel({ points, unit, span }: { points: TrendPoint[]; unit: MoneyUnit; span: number }) {
  const { t, lang } = useI18n();
  const model = useMemo(() => trendModel(points, unit), [points, unit]);
  const option = useMemo(
    () =>
      trendOption(model, {
        levelName: (l) => levelName(l, lang),
        spendingAxis: t('trendSpendingAxis', { unit: unitLabel(unit, lang) }),
        perStudentAxis: t('trendPerStudentAxis'),
        fallMark: t('trendFallMark'),
        spendingSeries: `${t('spendingShort')}（${unitLabel(unit, lang)}）`,
      }),
    [model, lang, t, unit],
  );
  return (
    <section className="panel">
      <h3>{t('trendTitle', { n: span })}</h3>
      <EChart option={option} height={360} testId="trend-chart" />
      <table className="visually-hidden" data-testid="trend-data">
        <thead>
          <tr>
            <th>{t('level')}</th>
            {model.years.map((y) => (
              <th key={y}>{y}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.lines.map((l) => (
            <tr key={l.level} data-level={l.level}>
              <th>{levelName(l.level, lang)}</th>
              {l.values.map((v, i) => (
                <td key={model.years[i]} data-year={model.years[i]} data-fall={l.falls[i] ? 'true' : undefined}>
                  {v === null ? '' : v.toFixed(2)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
