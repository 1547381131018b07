// Example rows of the school-level import templates (schools, kindergartens, certifications,
// disabled children): the header the importer recognises and one or two plausible rows.
import type { SchoolImportKind } from '../../core/import/school-kinds';

export const SCHOOL_TEMPLATE_EXAMPLES: Record<SchoolImportKind, { headers: string[]; rows: (string | number)[][] }> = {
  schools: {
    headers: ['学校代码', '县级区划', '年度', '学段', '学校名称', '学校类型', '城乡类型', '所在乡镇', '在校生数', '班级数', '高于规定学历教师数', '县级以上骨干教师数', '体育艺术专任教师数', '教学及辅助用房面积（平方米）', '体育运动场馆面积（平方米）', '教学仪器设备值（元）', '网络多媒体教室数', '寄宿生数', '随班就读残疾学生数', '专任教师数', '本科以上学历专任教师数'],
    rows: [
      ['2139000101', '390321', 2024, '小学', '永兰县第一小学', '小学', '城区', '', 1200, 27, 56, 14, 12, 5600.5, 9300, 2650000, 30, 0, 3, 70, 66],
      ['2139000102', '390321', 2024, '小学', '永兰县青石九年一贯制学校', '九年一贯制学校', '乡村', '青石镇', 380, 12, 17, 4, 4, 1800, 3100, 790000, 9, 120, 1, 24, 21],
      ['2139000102', '390321', 2024, '初中', '永兰县青石九年一贯制学校', '九年一贯制学校', '乡村', '青石镇', 260, 6, 15, 3, 3, 1600, 2900, 690000, 7, 150, 0, 20, 18],
    ],
  },
  kindergartens: { headers: ['幼儿园代码', '县级区划', '年度', '幼儿园名称', '办园性质', '在园幼儿数', '等级'], rows: [['K390321001', '390321', 2024, '永兰县实验幼儿园', '公办', 360, '省一类']] },
  'county-attainment': { headers: ['县级区划', '认定类别', '认定年度'], rows: [['390321', '基本均衡', 2016], ['390321', '优质均衡', 2024]] },
  inclusion: { headers: ['县级区划', '年度', '适龄残疾儿童少年数', '残疾儿童在校数'], rows: [['390321', 2024, 212, 209]] },
};
