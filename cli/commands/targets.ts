// wb targets [--year Y] [--region CODE] [--format table|csv|json]
// The plan's dated targets for a region: today's value, the straight-line projection to the
// deadline, the status and the units off track. Exit 1 when any target is off track.
import { monitorTargets } from '../../core/balance/monitor';
import { TARGET_STATUS_ZH, type TargetEvaluation } from '../../core/balance/targets';
import { gatherMonitorInput, schoolYears, balanceDatasets } from '../../db/balance/gather';
import { getRegion } from '../../db/repos/regions';
import { oneOf, optionalInt, parse } from '../args';
import { openForCli } from '../database';
import { EXIT, UsageError, type CliIO } from '../io';
import { renderCsv, renderJson, renderTable } from '../output';

export const targetsHelp = `wb targets [--year Y] [--region CODE] [--format table|csv|json]
  The plan's targets (优质均衡 counties, 城乡学历比, 残疾儿童入学率, 学前普惠 …): value, projection to the deadline, status and the units off track; exit 1 when any target is off track.`;

function show(e: TargetEvaluation, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return e.definition.threshold.unit === '比例' ? `${(v * 100).toFixed(2)}%` : v.toFixed(4);
}

export function targetsCommand(argv: string[], io: CliIO, dbOption: string | undefined): number {
  const { values } = parse(argv, { region: { type: 'string' }, year: { type: 'string' }, format: { type: 'string' } });
  const format = oneOf(values, 'format', ['table', 'csv', 'json'] as const, 'table');
  const { db } = openForCli(dbOption, io);
  try {
    let code = values.region as string | undefined;
    if (code === undefined) {
      const provinces = db.prepare(`SELECT code FROM region WHERE level = 'province' AND valid_to IS NULL AND code IN (SELECT DISTINCT substr(region_code, 1, 2) || '0000' FROM school_fact) ORDER BY code`).pluck().all() as string[];
      if (provinces.length !== 1) throw new UsageError(`--region is required: the database holds school data for ${provinces.length} provinces`);
      code = provinces[0]!;
    }
    if (!/^[1-9]\d{5}$/.test(code)) throw new UsageError(`--region must be a six-digit GB/T 2260 code, got "${code}"`);
    const region = getRegion(db, code);
    if (!region) throw new UsageError(`region ${code} is not in the database (see \`wb info\`)`);
    const ds = balanceDatasets(db);
    const held = ds.schools ? schoolYears(db, ds.schools.id) : [];
    const year = optionalInt(values, 'year', 1949, 2100) ?? held[held.length - 1];
    if (year === undefined) throw new UsageError('--year is required: the database holds no schools data to take the latest year from');
    const { input, datasets } = gatherMonitorInput(db, code, year);
    const evaluations = monitorTargets(input);
    const names = new Map([[region.code, region.name], ...input.prefectures.map((p) => [p.code, p.name] as [string, string])]);
    const records = evaluations.map((e) => ({
      target: e.key,
      name: e.definition.label.zh,
      region: e.region,
      region_name: names.get(e.region) ?? e.region,
      deadline: e.definition.deadline,
      threshold: `${e.definition.comparator === '>=' ? '≥' : '≤'} ${show(e, e.definition.threshold.value.num / e.definition.threshold.value.den)}`,
      latest_year: e.latest?.year ?? null,
      value: show(e, e.latest?.value),
      projection: show(e, e.projection),
      status: e.status,
      status_zh: TARGET_STATUS_ZH[e.status],
      reason: e.reason,
      off_track_units: e.status === 'met' ? [] : (e.offTrackUnits ?? []),
      reference: `${e.definition.threshold.reference.document} ${e.definition.threshold.reference.article}`,
    }));
    const anyOff = evaluations.some((e) => e.status === 'off_track');
    if (format === 'json') io.out(renderJson({ region: { code, name: region.name }, year, datasets, targets: records }));
    else if (format === 'csv') io.out(renderCsv(Object.keys(records[0]!), records.map((r) => Object.values({ ...r, off_track_units: r.off_track_units.join('；') }))));
    else {
      io.out(`${region.name}（${code}）规划目标监测，截至 ${year} 年\n`);
      const used = Object.values(datasets).filter((d) => d !== null);
      io.out(`数据：${used.map((d) => `#${d!.id} ${d!.name}`).join('；') || '无'}\n\n`);
      io.out(renderTable(['目标', '地区', '期限', '目标值', '年份', '当前值', '到期预测（直线）', '状态'], records.map((r) => [r.name, r.region_name, r.deadline, r.threshold, r.latest_year, r.value, r.projection, r.status_zh]), [false, false, true, true, true, true, true, false]));
      io.out('\n');
      for (const r of records) {
        if (r.status === 'met') continue;
        io.out(`${r.status_zh}｜${r.name}（${r.region_name}）：${r.reason}\n`);
        if (r.off_track_units.length) io.out(`    未达：${r.off_track_units.slice(0, 12).join('、')}${r.off_track_units.length > 12 ? ` 等 ${r.off_track_units.length} 个` : ''}\n`);
      }
      io.out(`\n直线预测为按已有年份最小二乘外推，仅供参考。\n`);
    }
    return anyOff ? EXIT.failures : EXIT.ok;
  } finally {
    db.close();
  }
}
