// `wb balance --region PREFECTURE|PROVINCE`: every county's status, failing schools and cost to
// close, summed by prefecture; `--out FILE.xlsx` writes the inspectors' workbook (one sheet per
// indicator, the CVs, the cost to close). Exit 1 when any county does not meet the standards.
import { writeFileSync } from 'node:fs';
import { assessCounty } from '../../core/balance/county';
import { costToClose, DEFAULT_COST_ASSUMPTIONS } from '../../core/balance/cost';
import { countiesIn, loadSchools, type DatasetRef } from '../../db/balance/gather';
import { balanceWorkbook } from '../../db/export/balance-xlsx';
import type Database from 'better-sqlite3';
import { EXIT, UsageError, type CliIO } from '../io';
import { renderCsv, renderJson, renderTable } from '../output';

const wan = (fen: number): string => (fen / 1_000_000).toFixed(2);

export async function balanceSummary(db: Database.Database, io: CliIO, region: { code: string; name: string }, year: number, ds: DatasetRef, format: 'table' | 'csv' | 'json', out: string | undefined): Promise<number> {
  const counties = countiesIn(db, region.code);
  const names = new Map<string, string>([[region.code, region.name], ...counties.map((c) => [c.code, c.name] as [string, string])]);
  for (const p of new Set(counties.map((c) => c.prefecture).filter((x): x is string => x !== null))) names.set(p, (db.prepare('SELECT name FROM region WHERE code = ?').pluck().get(p) as string) ?? p);
  const assessments = counties.map((c) => assessCounty(c.code, loadSchools(db, ds.id, [c.code], year))).filter((a) => a.status !== 'no_data');
  if (assessments.length === 0) throw new UsageError(`no schools of ${region.name} (${region.code}) in ${year} in dataset #${ds.id}`);
  const costs = assessments.map((a) => costToClose(a, DEFAULT_COST_ASSUMPTIONS));
  const prefectureOf = new Map(counties.map((c) => [c.code, c.prefecture]));
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
  const prefSums = new Map<string, { name: string; counties: number; met: number; fen: number }>();
  for (const r of records) {
    const k = r.prefecture ?? 'direct';
    const s = prefSums.get(k) ?? { name: r.prefecture_name, counties: 0, met: 0, fen: 0 };
    s.counties++;
    if (r.status === 'met') s.met++;
    s.fen += r.cost_fen;
    prefSums.set(k, s);
  }
  const met = records.filter((r) => r.status === 'met').length;
  if (format === 'json') io.out(renderJson({ region, year, dataset: ds, counties: records, prefectures: [...prefSums].map(([code, s]) => ({ code, ...s, cost_wan: wan(s.fen) })), assumptions: DEFAULT_COST_ASSUMPTIONS }));
  else if (format === 'csv') io.out(renderCsv(Object.keys(records[0]!), records.map((r) => Object.values(r))));
  else {
    io.out(`${region.name}（${region.code}）${year}年 优质均衡资源配置：${met}/${records.length} 个县达标（${((met / records.length) * 100).toFixed(1)}%）；数据 #${ds.id} ${ds.name}\n\n`);
    io.out(renderTable(['地级市', '县（市、区）', '结论', '不达标学校', '超限差异系数', '补齐资金（万元）'], records.map((r) => [r.prefecture_name, r.county_name, r.status === 'met' ? '达标' : '未达标', r.failing_schools, r.failing_cvs, r.cost_wan]), [false, false, false, true, true, true]));
    io.out('\n按地级市汇总\n');
    io.out(renderTable(['地级市', '县数', '达标县', '补齐资金（万元）'], [...prefSums.values()].map((s) => [s.name, s.counties, s.met, wan(s.fen)]), [false, true, true, true]));
    io.out(`\n补齐资金按全部指标达标口径；单价见 wb balance --region 县代码（校舍 ${DEFAULT_COST_ASSUMPTIONS.areaYuanPerM2.value} 元/m² 为可修改的示例值）\n`);
  }
  return met === records.length ? EXIT.ok : EXIT.failures;
}
