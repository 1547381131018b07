// A region's series under the chosen rule across the years, failing years marked in red (and
// named in the hidden table for screen readers and tests). Display only: values rounded.
import { useMemo } from 'react';
import type { ComplianceResult } from '../../../../core/compliance/types';
import type { MoneyUnit } from '../../../../core/money/fen';
import { EChart } from '../../charts/EChart';
import { useI18n } from '../../i18n/i18n';
import { complianceText } from './text';
import { valueText, valueUnitLabel } from './values';

/** One year of the region's own series under the rule. */
export type TrendPoint = Pick<ComplianceResult, 'year' | 'value' | 'valueUnit' | 'status'>;

export function RegionTrend({ history, unit }: { history: readonly TrendPoint[]; unit: MoneyUnit }) {
  const { lang } = useI18n();
  const t = complianceText(lang);
  const rows = useMemo(() => [...history].sort((a, b) => a.year - b.year), [history]);
  const first = rows[0];
  const unitText = first ? valueUnitLabel(first.valueUnit, unit, lang) : '';
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 70, right: 20, top: 30, bottom: 30 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: rows.map((r) => String(r.year)) },
      yAxis: { type: 'value', name: unitText, scale: true },
      series: [
        {
          type: 'line',
          name: t('value'),
          data: rows.map((r) => ({
            value: r.value === null ? null : Number(valueText(r.value, r.valueUnit, unit, false)),
            symbolSize: r.status === 'fail' ? 12 : 6,
            itemStyle: { color: r.status === 'fail' ? '#b71c1c' : '#1d3a5f' },
          })),
        },
      ],
    }),
    [rows, unit, unitText, t],
  );
  if (rows.length === 0) return null;
  return (
    <div className="region-trend">
      <EChart option={option} height={220} testId="region-trend" />
      <table className="visually-hidden" data-testid="region-trend-table">
        <tbody>
          {rows.map((r) => (
            <tr key={r.year} data-status={r.status}>
              <td>{r.year}</td>
              <td>{valueText(r.value, r.valueUnit, unit)}</td>
              <td>{t(r.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
