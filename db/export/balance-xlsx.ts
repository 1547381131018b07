// The 优质均衡 assessment as inspectors lay it out in Excel: one sheet per indicator (every school
// section with its raw figure, per-pupil value, standard and share of the standard), a sheet of the
// 差异系数 by county and section, and a sheet of the cost to close by county with prefecture sums.
// Synthetic data say so on every sheet.
import ExcelJS from 'exceljs';
import type { CountyAssessment } from '../../core/balance/county';
import type { CountyCost } from '../../core/balance/cost';
import { LOCALE_ZH, SCHOOL_TYPE_ZH } from '../../core/balance/school';
import { INDICATORS } from '../../core/balance/standards';

export type BalanceWorkbookInput = {
  title: string;
  year: number;
  source: string;
  synthetic: boolean;
  names: Map<string, string>;
  prefectureOf: Map<string, string | null>;
  assessments: CountyAssessment[];
  costs: CountyCost[];
};

const SECTION_ZH = { primary: '小学', junior: '初中' } as const;

export async function balanceWorkbook(input: BalanceWorkbookInput): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '教育财政工作台';
  wb.created = new Date(0);
  const head = (ws: ExcelJS.Worksheet, title: string, headers: string[]) => {
    ws.addRow([`${input.title} ${input.year}年 ${title}${input.synthetic ? '（合成数据）' : ''}`]).font = { bold: true };
    ws.addRow([`数据来源：${input.source}；依据 教督〔2017〕6号`]);
    ws.addRow(headers).font = { bold: true };
    ws.columns.forEach((c) => (c.width = 14));
  };
  for (const d of INDICATORS) {
    const ws = wb.addWorksheet(`指标${d.n}`);
    head(ws, `${d.n}. ${d.label.zh}（${d.unit}）`, ['县（市、区）', '学段', '学校代码', '学校名称', '类型', '城乡', '在校生', '原始数', '生均/百生值', '标准', '达到标准%', '是否达标']);
    for (const a of input.assessments)
      for (const s of a.sections)
        for (const r of s.schools) {
          const i = r.indicators[d.n - 1]!;
          const raw = r.school[d.raw.field === 'teachingAreaCm2' ? 'teachingAreaDm2' : d.raw.field === 'sportsAreaCm2' ? 'sportsAreaDm2' : d.raw.field];
          ws.addRow([input.names.get(a.county) ?? a.county, SECTION_ZH[s.section], r.school.code, r.school.name, SCHOOL_TYPE_ZH[r.school.type], LOCALE_ZH[r.school.locale], r.school.pupils, raw / d.raw.scale, Number(i.value.toFixed(4)), i.threshold, Number((i.attainment * 100).toFixed(2)), i.meets ? '是' : i.reachesRemainder ? '否（≥85%）' : '否']);
        }
  }
  const cv = wb.addWorksheet('差异系数');
  head(cv, '差异系数（在校生加权）', ['县（市、区）', '学段', ...INDICATORS.map((d) => `指标${d.n}`), '上限', '学校数', '达标学校', '县域结论']);
  for (const a of input.assessments)
    for (const s of a.sections) cv.addRow([input.names.get(a.county) ?? a.county, SECTION_ZH[s.section], ...s.cvs.map((c) => (Number.isFinite(c.cv) ? Number(c.cv.toFixed(4)) : '无数据')), s.cvs[0]?.limit ?? '', s.schools.length, s.schoolsPassing, a.status === 'met' ? '达标' : '未达标']);
  const cost = wb.addWorksheet('补齐资金');
  head(cost, '补齐资源配置差距所需资金（万元，全部指标达标口径）', ['地级市', '县（市、区）', '设备', '校舍场地', '多媒体教室', '教师（一年）', '合计', '补齐后是否达标']);
  const wan = (fen: number | null) => (fen === null ? '无数据' : Math.round(fen / 100) / 10_000);
  const byPref = new Map<string, CountyCost[]>();
  for (const c of input.costs) {
    const p = input.prefectureOf.get(c.county) ?? '省直辖';
    byPref.set(p, [...(byPref.get(p) ?? []), c]);
  }
  for (const [p, list] of byPref) {
    for (const c of list) cost.addRow([input.names.get(p) ?? p, input.names.get(c.county) ?? c.county, wan(c.equipmentFen), wan(c.areaFen), wan(c.roomsFen), wan(c.teachersFen), wan(c.totalFen), c.metAfterClosing ? '是' : '否（差异系数）']);
    // Sums in 分, exactly; 无数据 when any county's part is.
    const sum = (f: (c: CountyCost) => number | null) => wan(list.reduce<number | null>((a, c) => (a === null || f(c) === null ? null : a + f(c)!), 0));
    cost.addRow([`${input.names.get(p) ?? p} 小计`, '', sum((c) => c.equipmentFen), sum((c) => c.areaFen), sum((c) => c.roomsFen), sum((c) => c.teachersFen), sum((c) => c.totalFen), '']).font = { bold: true };
  }
  const missing = [...new Set(input.costs.flatMap((c) => c.missing))];
  const units = input.costs[0]?.assumptions;
  cost.addRow([]);
  cost.addRow([`单价：校舍场地 ${units?.areaYuanPerM2 ? `${units.areaYuanPerM2.value} 元/m²（${units.areaYuanPerM2.source}）` : '未设定'}；多媒体教室 ${units?.roomYuan ? `${units.roomYuan.value} 元/间（${units.roomYuan.source}）` : '未设定'}；教师工资取各县教师平均工资，无则取用户设定`]);
  for (const m of missing) cost.addRow([m]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
