// Import templates: an .xlsx per kind with the header the importer recognises, an example row and
// a sheet of field notes in Chinese.
import ExcelJS from 'exceljs';
import { KIND_FIELDS, type ImportKind } from '../../core/import/kinds';
import { SCHOOL_TEMPLATE_EXAMPLES } from './school-templates';

const EXAMPLES: Record<ImportKind, { headers: string[]; rows: (string | number)[][] }> = {
  expenditure: { headers: ['地区', '年度', '学段', '功能分类科目', '一般公共预算教育支出（万元）'], rows: [['北京市', 2023, '小学', '2050202', 1234567.89], ['北京市', 2023, '初中', '2050203', 987654.32]] },
  enrolment: { headers: ['地区', '年度', '学段', '在校生数（人）'], rows: [['北京市', 2023, '小学', 1012345], ['北京市', 2023, '初中', 345678]] },
  capacity: { headers: ['地区', '年度', '一般公共预算收入（亿元）', '一般公共预算支出（亿元）', '地区生产总值（亿元）', '年末常住人口（万人）'], rows: [['北京市', 2023, 6181.1, 7971.25, 43760.7, 2185.8]] },
  bulletin: { headers: ['地区', '年度', '学段', '生均一般公共预算教育经费（元）', '比上年增长（%）', '同口径', '上年同口径基数（元）'], rows: [['全国', 2021, '学前教育', 9505.84, 4.68, '同口径', 9080.86]] },
  standard: { headers: ['学段', '项目', '适用地区', '标准（元）', '起始日期', '终止日期', '依据', '来源网址'], rows: [['小学', 'public_funds_base', 'national', 720, '2023-01-01', '', '2023年春季学期起 义务教育生均公用经费基准定额', '']] },
  regions: { headers: ['区划代码', '名称', '上级代码', '发展档次'], rows: [['390321', '永兰县', '390300', 2]] },
  aid: {
    headers: ['地区', '年度', '学段', '困难类别', '资助项目', '认定家庭经济困难学生数（人）', '实际资助人数（人）', '其中寄宿生数（人）', '核定学杂费标准（元）', '预算安排额（万元）'],
    rows: [
      ['四川省', 2024, '初中', '低保', '', 12345, 12000, 8000, '', ''],
      ['四川省', 2024, '普通高中', '合计', '', 52000, 51000, '', 800, ''],
      ['四川省', 2024, '普通高中', '合计', '普高助学金', '', '', '', '', 11960],
    ],
  },
  'region-changes': { headers: ['原代码', '新代码', '生效日期', '变更类型', '划转比例'], rows: [['390321', '390304', '2020-01-01', '撤县设区', 1]] },
  ...SCHOOL_TEMPLATE_EXAMPLES,
};

export async function importTemplate(kind: ImportKind): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '教育财政工作台';
  wb.created = new Date(0);
  const ex = EXAMPLES[kind];
  const ws = wb.addWorksheet('数据');
  ws.addRow(ex.headers).font = { bold: true };
  for (const r of ex.rows) ws.addRow(r);
  ws.columns.forEach((c) => (c.width = 22));
  const notes = wb.addWorksheet('字段说明');
  notes.addRow(['字段', '中文名', '是否必填', '说明']).font = { bold: true };
  for (const f of KIND_FIELDS[kind]) notes.addRow([f.name, f.zh, f.required ? '必填' : '可选', f.note]);
  notes.addRow([]);
  notes.addRow(['', '', '', '金额单位写在表头括号中，如“（万元）”“（亿元）”；人数写“（人）”或“（万人）”。数值可含千分位。导入前会预览并逐行校验，全部无误才写入。']);
  notes.getColumn(4).width = 90;
  notes.getColumn(1).width = 16;
  notes.getColumn(2).width = 18;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
