// Import kinds for the 优质均衡 assessment and the plan's targets: schools (one row per school, or
// per section of a 一贯制 school / 完全中学), kindergartens, county certifications and the enrolment
// of disabled children. Each row is one record (like the reference kinds), keyed by county and year.
import type { FieldSpec } from './field-spec';

export const SCHOOL_IMPORT_KINDS = ['schools', 'kindergartens', 'county-attainment', 'inclusion'] as const;
export type SchoolImportKind = (typeof SCHOOL_IMPORT_KINDS)[number];

const COUNTY: FieldSpec = { name: 'region', zh: '县级区划', role: 'key', required: true, note: '县（市、区）名称或六位代码' };
const YEAR: FieldSpec = { name: 'year', zh: '年度', role: 'key', required: true, note: '统计年度（学年初），如2024' };

function count(name: string, zh: string, note: string, required = true): FieldSpec {
  return { name, zh, role: 'value', required, valueKind: 'count', note };
}

export const SCHOOL_KIND_FIELDS: Record<SchoolImportKind, readonly FieldSpec[]> = {
  schools: [
    { name: 'school_code', zh: '学校代码', role: 'key', required: true, note: '学校标识码（10位）或本地编号' },
    COUNTY,
    YEAR,
    { name: 'section', zh: '学段', role: 'key', required: false, note: '小学/初中/高中；九年一贯制、十二年一贯制学校和完全中学按学段分行填报；缺省按学校类型推定' },
    { name: 'school_name', zh: '学校名称', role: 'attribute', required: true, note: '全称' },
    { name: 'school_type', zh: '学校类型', role: 'attribute', required: true, note: '小学/初级中学/九年一贯制学校/十二年一贯制学校/完全中学/教学点/特殊教育学校/职业学校/高级中学' },
    { name: 'locale', zh: '城乡类型', role: 'attribute', required: true, note: '城区/镇区/乡村' },
    { name: 'township', zh: '所在乡镇', role: 'attribute', required: false, note: '乡镇（街道）名称，用于“每个乡镇至少保留一所初中”' },
    count('pupils', '在校生数', '人'),
    count('classes', '班级数', '个'),
    count('qualified_teachers', '高于规定学历教师数', '人（指标1）'),
    count('key_teachers', '县级以上骨干教师数', '人（指标2）'),
    count('pe_art_teachers', '体育艺术专任教师数', '人（指标3：体育、音乐、美术）'),
    { name: 'teaching_area', zh: '教学及辅助用房面积', role: 'value', required: true, valueKind: 'area', note: '平方米，最多两位小数（指标4）' },
    { name: 'sports_area', zh: '体育运动场馆面积', role: 'value', required: true, valueKind: 'area', note: '平方米，最多两位小数（指标5）' },
    { name: 'equipment_value', zh: '教学仪器设备值', role: 'value', required: true, valueKind: 'money', note: '元，最多两位小数（指标6）' },
    count('multimedia_rooms', '网络多媒体教室数', '间（指标7）'),
    count('boarders', '寄宿生数', '人，可空', false),
    count('special_ed_pupils', '随班就读残疾学生数', '人，可空', false),
    count('teachers', '专任教师数', '人，可空（城乡学历比例用）', false),
    count('bachelor_teachers', '本科以上学历专任教师数', '人，可空（城乡学历比例用）', false),
  ],
  kindergartens: [
    { name: 'kg_code', zh: '幼儿园代码', role: 'key', required: true, note: '幼儿园标识码或本地编号' },
    COUNTY,
    YEAR,
    { name: 'kg_name', zh: '幼儿园名称', role: 'attribute', required: true, note: '全称' },
    { name: 'ownership', zh: '办园性质', role: 'attribute', required: true, note: '公办/普惠性民办/民办（非普惠）' },
    count('children', '在园幼儿数', '人'),
    { name: 'grade', zh: '等级', role: 'attribute', required: false, note: '省一类（或1）、省二类（或2）…；未评估留空' },
  ],
  'county-attainment': [
    COUNTY,
    { name: 'attainment', zh: '认定类别', role: 'key', required: true, note: '基本均衡/优质均衡/普及普惠' },
    { name: 'year', zh: '认定年度', role: 'key', required: true, note: '通过国家督导评估认定的年份' },
  ],
  inclusion: [COUNTY, YEAR, count('eligible', '适龄残疾儿童少年数', '人'), count('enrolled', '残疾儿童在校数', '人，义务教育阶段在校（含送教上门）')],
};
