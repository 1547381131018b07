// `wb balance --region PREFECTURE|PROVINCE`: every county's status, failing schools and cost to
// close, summed by prefecture; `--out FILE.xlsx` writes the inspectors' workbook (one sheet per
// indicator, the CVs, the cost to close). Exit 1 when any county does not meet the standards.
import { writeFileSync } from 'node:fs';
import type { UnitCostSettings } from '../../core/balance/cost';
import { regionCosts, sumByPrefecture } from '../../db/balance/costs';
import { balanceWorkbook } from '../../db/export/balance-xlsx';
import type Database from 'better-sqlite3';
import { EXIT, UsageError, type CliIO } from '../io';
import { renderCsv, renderJson, renderTable } from '../output';
import { unitCostLine } from './unit-cost-options';

const wan = (fen: number | null): string => (fen === null ? '无数据' : (fen / 1_000_000).toFixed(2));

export async function balanceSummary(db: Database.Database, io: CliIO, region: { code: string; name: string }, year: number, format: 'table' | 'csv' | 'json', out: string | undefined, units: UnitCostSettings): Promise<number> {
  const rc = regionCosts(db, region.code, year, units);
  if (!rc) throw new UsageError(`no schools of ${region.name} (${region.code}) in ${year} in the schools data`);
  const { assessments, costs, names, prefectureOf, dataset: ds } = rc;
  const records = assessments.map((a, i) => ({
    prefecture: prefectureOf.get(a.county) ?? null,
    prefecture_name: names.get(prefectureOf.get(a.county) ?? '') ?? '省直辖',
    county: a.county,
    county_name: names.get(a.county) ?? a.county,
    status: a.status,
    failing_schools: a.sections.reduce((n, s) => n + s.schools.length - s.schoolsPassing, 0),
    failing_cvs: a.sections.reduce((n, s) => n + s.cvs.filter((c) => !c.passes).length, 0),
    cost_wan: wan(costs[i]!.totalFen),
    cost_fen: costs[i]!.totalFen,
    met_after_closing: costs[i]!.metAfterClosing,
  }));
  if (out) {
    writeFileSync(out, await balanceWorkbook({ title: region.name, year, source: `#${ds.id} ${ds.name}`, synthetic: ds.synthetic, names, prefectureOf, assessments, costs }));
    io.err(`wrote ${out}\n`);
  }
  const prefSums = sumByPrefecture(rc);
  const missing = [...new Set(costs.flatMap((c) => c.missing))];
  const met = records.filter((r) => r.status === 'met').length;
  if (format === 'json') io.out(renderJson({ region, year, dataset: ds, counties: records, prefectures: prefSums.map((s) => ({ ...s, cost_wan: wan(s.fen) })), unit_costs: units, missing }));
  else if (format === 'csv') io.out(renderCsv(Object.keys(records[0]!), records.map((r) => Object.values(r))));
  else {
    io.out(`${region.name}（${region.code}）${year}年 优质均衡资源配置：${met}/${records.length} 个县达标（${((met / records.length) * 100).toFixed(1)}%）；数据 #${ds.id} ${ds.name}\n\n`);
    io.out(renderTable(['地级市', '县（市、区）', '结论', '不达标学校', '超限差异系数', '补齐资金（万元）'], records.map((r) => [r.prefecture_name, r.county_name, r.status === 'met' ? '达标' : '未达标', r.failing_schools, r.failing_cvs, r.cost_wan]), [false, false, false, true, true, true]));
    io.out('\n按地级市汇总\n');
    io.out(renderTable(['地级市', '县数', '达标县', '补齐资金（万元）'], prefSums.map((s) => [s.name, s.counties, s.met, wan(s.fen)]), [false, true, true, true]));
    io.out(`\n补齐资金按全部指标达标口径；${unitCostLine(units)}\n`);
    for (const m of missing) io.out(`${m}\n`);
  }
  return met === records.length ? EXIT.ok : EXIT.failures;
}
