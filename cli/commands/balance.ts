// wb balance --region COUNTY --year Y [--format table|csv|json]
// The 优质均衡 resource assessment of one county in detail: each school section's seven indicators
// against the standard, the pupil-weighted 差异系数 of each indicator, what fails and by how much,
// and the money that closes the gaps. Exit 1 when the county does not meet the standards.
import { assessCounty } from '../../core/balance/county';
import { costAssumptions, costToClose } from '../../core/balance/cost';
import { countyTeacherPay } from '../../db/balance/unit-costs';
import { UNIT_COST_OPTIONS, unitCostLine, unitCostsFor } from './unit-cost-options';
import { LOCALE_ZH, SCHOOL_TYPE_ZH } from '../../core/balance/school';
import { BALANCE_RULES, INDICATORS } from '../../core/balance/standards';
import { balanceDatasets, loadSchools, schoolYears } from '../../db/balance/gather';
import { getRegion } from '../../db/repos/regions';
import { balanceSummary } from './balance-summary';
import { oneOf, optionalInt, parse, requireString } from '../args';
import { openForCli } from '../database';
import { EXIT, UsageError, type CliIO } from '../io';
import { renderCsv, renderJson, renderTable, type Cell } from '../output';

export const balanceHelp = `wb balance --region CODE --year Y [--format table|csv|json] [--out FILE.xlsx] [--area-cost 元/m²] [--room-cost 元/间] [--teacher-pay 元] [--save-costs]
  The 优质均衡 resource assessment (教督〔2017〕6号): for a county, seven indicators per school, 差异系数 per indicator, what fails and the cost to close; for a prefecture or province, every county with the cost to close summed by prefecture; --out writes the inspectors' workbook (one sheet per indicator). Exit 1 when not met. Unit costs have no default: set them (--save-costs stores them) or the floor-area and room parts are 无数据.`;

const fix = (v: number, d: number): string => (Number.isFinite(v) ? v.toFixed(d) : '无数据');
const wan = (fen: number | null): string => (fen === null ? '无数据' : (fen / 1_000_000).toFixed(2));

export async function balanceCommand(argv: string[], io: CliIO, dbOption: string | undefined): Promise<number> {
  const { values } = parse(argv, { region: { type: 'string' }, year: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, ...UNIT_COST_OPTIONS });
  const code = requireString(values, 'region', 'a county-level GB/T 2260 code');
  if (!/^[1-9]\d{5}$/.test(code)) throw new UsageError(`--region must be a six-digit GB/T 2260 code, got "${code}"`);
  const year = optionalInt(values, 'year', 1949, 2100);
  if (year === undefined) throw new UsageError('--year is required, e.g. 2024');
  const format = oneOf(values, 'format', ['table', 'csv', 'json'] as const, 'table');
  const { db } = openForCli(dbOption, io);
  try {
    const region = getRegion(db, code);
    if (!region) throw new UsageError(`region ${code} is not in the database (see \`wb info\`)`);
    const ds = balanceDatasets(db).schools;
    if (!ds) throw new UsageError('no schools data in the database: import a schools table (`wb template --kind schools`) first');
    const out = values.out as string | undefined;
    if (out !== undefined && !out.endsWith('.xlsx')) throw new UsageError('--out must name an .xlsx file');
    const units = unitCostsFor(db, values);
    if (region.level !== 'county' || out !== undefined) return await balanceSummary(db, io, region, year, format, out, units);
    const held = schoolYears(db, ds.id);
    const schools = loadSchools(db, ds.id, [code], year);
    if (schools.length === 0) throw new UsageError(`no schools of ${region.name} (${code}) in ${year} in dataset #${ds.id}; years held: ${held.join(', ') || 'none'}`);
    const a = assessCounty(code, schools);
    const cost = costToClose(a, costAssumptions(units, countyTeacherPay(db, year).get(code) ?? null));
    const schoolRecords = a.sections.flatMap((s) =>
      s.schools.map((r) => ({
        section: s.section,
        code: r.school.code,
        name: r.school.name,
        type: SCHOOL_TYPE_ZH[r.school.type],
        locale: LOCALE_ZH[r.school.locale],
        pupils: r.school.pupils,
        ...Object.fromEntries(r.indicators.map((i) => [i.key, fix(i.value, 2)])),
        met: r.met,
        passes: r.passes,
        fails: r.indicators.filter((i) => !i.meets).map((i) => `${INDICATORS.find((d) => d.key === i.key)!.n}:${(i.attainment * 100).toFixed(1)}%`).join(' '),
      })),
    );
    const cvRecords = a.sections.flatMap((s) => s.cvs.map((c) => ({ section: s.section, indicator: c.key, n: INDICATORS.find((d) => d.key === c.key)!.n, county_value: fix(c.countyValue, 2), threshold: INDICATORS.find((d) => d.key === c.key)!.threshold[s.section].value.num / INDICATORS.find((d) => d.key === c.key)!.threshold[s.section].value.den, cv: fix(c.cv, 4), limit: c.limit, passes: c.passes })));
    if (format === 'json') {
      io.out(renderJson({ region: { code, name: region.name }, year, status: a.status, failures: a.failures, dataset: ds, sections: a.sections.map((s) => ({ section: s.section, schools: s.schools.length, schools_passing: s.schoolsPassing, pupils: s.pupils })), cvs: cvRecords, schools: schoolRecords, excluded: a.excluded.map((e) => ({ code: e.school.code, name: e.school.name, section: e.school.section, reason: e.reason })), cost_to_close: cost }));
    } else if (format === 'csv') {
      const headers = Object.keys(schoolRecords[0] ?? {});
      io.out(renderCsv(headers, schoolRecords.map((r) => Object.values(r) as Cell[])));
    } else {
      const statusZh = a.status === 'met' ? '达到资源配置标准' : a.status === 'not_met' ? '未达到资源配置标准' : '无数据';
      io.out(`${region.name}（${code}）${year}年 义务教育优质均衡 资源配置：${statusZh}\n`);
      io.out(`数据：#${ds.id} ${ds.name}${ds.synthetic && !ds.name.includes('合成数据') ? '（合成数据）' : ''}；依据 ${BALANCE_RULES.minIndicatorsMet.reference.document} ${BALANCE_RULES.minIndicatorsMet.reference.article}\n\n`);
      io.out('差异系数（在校生加权）\n');
      io.out(renderTable(['学段', '指标', '县域值', '标准', '差异系数', '上限', '达标'], cvRecords.map((c) => [c.section === 'primary' ? '小学' : '初中', `${c.n} ${INDICATORS[c.n - 1]!.label.zh}`, c.county_value, c.threshold, c.cv, c.limit.toFixed(2), c.passes ? '是' : '否']), [false, false, true, true, true, true, false]));
      io.out('\n学校（“未达标项”为 指标号:达到标准的百分比）\n');
      io.out(renderTable(['学段', '代码', '学校', '类型', '城乡', '在校生', '达标项', '学校达标', '未达标项'], schoolRecords.map((r) => [r.section === 'primary' ? '小学' : '初中', r.code, r.name, r.type, r.locale, r.pupils, `${r.met}/7`, r.passes ? '是' : '否', r.fails]), [false, false, false, false, false, true, true, false, false]));
      if (a.excluded.length) io.out(`\n不参与计算：${a.excluded.map((e) => `${e.school.name}（${e.reason}）`).join('；')}\n`);
      if (a.failures.length) io.out(`\n未达标：\n${a.failures.map((f) => `  - ${f}`).join('\n')}\n`);
      io.out(`\n补齐差距所需资金（全部指标达标口径）：${wan(cost.totalFen)} 万元 = 设备 ${wan(cost.equipmentFen)} + 校舍场地 ${wan(cost.areaFen)} + 多媒体教室 ${wan(cost.roomsFen)} + 教师 ${wan(cost.teachersFen)}（${cost.teachers} 人一年）；骨干教师缺 ${cost.keyTeachers} 人（认定，不计费用）\n`);
      io.out(`${unitCostLine(units)}${cost.assumptions.teacherPayYuan ? `；本县教师 ${cost.assumptions.teacherPayYuan.value} 元/人·年（${cost.assumptions.teacherPayYuan.source}）` : ''}${cost.metAfterClosing ? '' : '；注意：补齐后差异系数仍不达标'}\n`);
      for (const m of cost.missing) io.out(`${m}\n`);
    }
    return a.status === 'met' ? EXIT.ok : EXIT.failures;
  } finally {
    db.close();
  }
}
