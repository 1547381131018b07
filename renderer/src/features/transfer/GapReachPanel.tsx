// “Does this split get us to the plan's 60 %?”: for the baseline and the scenario (and the compared
// one), how many counties would meet the 优质均衡 resource standards by 2027 and 2030 if the
// transfer went to closing their gaps, with the assumption stated (core/transfer/gap-reach.ts).
import { useMemo } from 'react';
import type { ScenarioReport } from '../../../../core/transfer/compare';
import { gapReach } from '../../../../core/transfer/gap-reach';
import type { SimInputs } from '../../../../core/transfer/inputs';

const TEXT = {
  zh: { title: '优质均衡资源配置达标县数（若转移支付用于补齐缺口）', scenario: '方案', now: '现已达标', by: '{y}年', source: '缺口数据', noData: '缺口因素与达标测算不可用', target: '规划目标：2027年≥60%，2030年全部' },
  en: { title: 'Counties meeting the 优质均衡 resource standards if the transfer closes gaps', scenario: 'Scenario', now: 'Meet now', by: 'by {y}', source: 'Gap data', noData: 'The gap factor and this report are unavailable', target: 'Plan: ≥ 60 % by 2027, all by 2030' },
} as const;

export function GapReachPanel({ reports, inputs, lang }: { reports: readonly ScenarioReport[]; inputs: SimInputs; lang: 'zh' | 'en' }) {
  const t = TEXT[lang];
  const reaches = useMemo(() => reports.map((r) => gapReach(inputs, r.result.allocation.amounts, r.result.params['gap.spend_share'])), [reports, inputs]);
  const first = reaches[1] ?? reaches[0];
  return (
    <section className="card" data-testid="gap-reach">
      <h3>{t.title}</h3>
      {!first?.available ? (
        <p className="muted" data-testid="gap-reach-unavailable">
          {t.noData}：{first?.reason}
        </p>
      ) : (
        <>
          <table className="data-table">
            <thead>
              <tr>
                <th className="align-left">{t.scenario}</th>
                <th className="num">{t.now}</th>
                {first.byYear.map((y) => (
                  <th key={y.year} className="num">
                    {t.by.replace('{y}', String(y.year))}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {reports.map((r, i) => (
                <tr key={`${r.name}/${i}`} data-testid={`gap-reach-row-${i}`}>
                  <td className="align-left">{r.name}</td>
                  <td className="num">
                    {reaches[i]!.metNow}/{reaches[i]!.units}
                  </td>
                  {reaches[i]!.byYear.map((y) => (
                    <td key={y.year} className={`num${y.share >= 0.6 ? ' positive' : ''}`} data-testid={`gap-reach-${i}-${y.year}`} data-count={y.count}>
                      {y.count}（{(y.share * 100).toFixed(1)}%）
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted" data-testid="gap-reach-assumption">
            {lang === 'zh' ? first.assumption.zh : first.assumption.en}。{t.target}
          </p>
          <p className="muted">
            {t.source}：{inputs.gap?.source}
          </p>
        </>
      )}
    </section>
  );
}
