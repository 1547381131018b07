// The rule registry: rules are data (docs/domain.md#never-decrease). Evaluators live beside it in
// core/compliance/rules/*; this file only says what each rule is, where it comes from and what it
// needs, so the app can show the legal text next to every result and the CLI can validate --rule.
import type { RuleDefinition, RuleId } from './types';

const GUOBAN_2018_82 = '国务院办公厅《关于进一步调整优化结构提高教育经费使用效益的意见》(国办发〔2018〕82号)';
const EDU_LAW = '《中华人民共和国教育法》';

export const RULES: readonly RuleDefinition[] = [
  {
    id: 'edu-spending-no-decrease',
    nameZh: '一般公共预算教育支出逐年只增不减',
    nameEn: 'General-budget education spending does not decrease',
    legalBasis: '确保一般公共预算教育支出逐年只增不减',
    legalSource: GUOBAN_2018_82,
    formula: 'E[r,t] ≥ E[r,t−1]（相等视为“不减”，通过；有同口径调整基数时以调整后基数为 E[r,t−1]）',
    requiredInputs: ['expenditure_fact (func 205 合计, 全辖或本级)'],
    severity: 'policy',
    perLevel: false,
    valueUnit: 'fen',
  },
  {
    id: 'per-student-no-decrease',
    nameZh: '按在校学生人数平均的一般公共预算教育支出逐年只增不减',
    nameEn: 'General-budget education spending per student does not decrease',
    legalBasis: '确保按在校学生人数平均的一般公共预算教育支出逐年只增不减',
    legalSource: GUOBAN_2018_82,
    formula: 'p = E/N；分学段 p[r,t,ℓ] ≥ p[r,t−1,ℓ]；合计 ΣE/ΣN 同比不降；任一年 N=0 时不适用(N/A)',
    requiredInputs: ['expenditure_fact 分学段', 'enrolment_fact 分学段', '在校生口径 (divisor)', '或 bulletin_fact 公告刊印的生均一般公共预算教育经费 / 教育事业费（per_student / per_student_operating，含上年数、同口径基数或增长率）'],
    severity: 'policy',
    perLevel: true,
    valueUnit: 'fen_per_student',
  },
  {
    id: 'three-growths',
    nameZh: '三个增长（教育财政拨款增长高于财政经常性收入增长）',
    nameEn: 'Three growths (a): education appropriation grows faster than recurrent revenue',
    legalBasis: '各级人民政府教育财政拨款的增长应当高于财政经常性收入的增长，并使按在校学生人数平均的教育费用逐步增长，保证教师工资和学生人均公用经费逐步增长。',
    legalSource: `${EDU_LAW}第五十六条（2015 年修正前为第五十五条）`,
    formula: 'g(教育拨款) > g(财政经常性收入)，严格大于；g = x_t/x_{t−1} − 1',
    requiredInputs: ['expenditure_fact (func 205 合计)', 'fiscal_fact recurrent_revenue (财政经常性收入)', '或公告刊印的教育经费与财政经常性收入增长率（无两年金额时）'],
    severity: 'statutory',
    perLevel: false,
    valueUnit: 'fen',
  },
  {
    id: 'fiscal-edu-gdp-4pct',
    nameZh: '国家财政性教育经费占国内生产总值比例不低于4%',
    nameEn: 'State fiscal education funds at least 4% of GDP',
    legalBasis: '保证国家财政性教育经费支出占国内生产总值比例一般不低于4%',
    legalSource: `${GUOBAN_2018_82}；${EDU_LAW}第五十五条（两个比例）`,
    formula: 'G/Y ≥ 4%（G = 国家财政性教育经费，Y = GDP/地区生产总值）',
    requiredInputs: ['fiscal_fact fiscal_edu_funds (国家财政性教育经费)', 'fiscal_fact gdp'],
    severity: 'policy',
    perLevel: false,
    valueUnit: 'percent',
  },
  {
    id: 'edu-share-of-budget',
    nameZh: '教育支出占一般公共预算支出比例（比上年下降时提示）',
    nameEn: "Education's share of general public budget expenditure (flagged when it falls)",
    legalBasis: '全国各级财政支出总额中教育经费所占比例应当随着国民经济的发展逐步提高。',
    legalSource: `${EDU_LAW}第五十五条`,
    formula: 's = E/B；s_t < s_{t−1} 为不通过（无法定下限，提示性），报告百分点变化',
    requiredInputs: ['expenditure_fact (func 205 合计)', 'fiscal_fact general_budget_expenditure (一般公共预算支出)'],
    severity: 'advisory',
    perLevel: false,
    valueUnit: 'percent',
  },
  {
    id: 'public-funds-per-student-standard',
    nameZh: '生均公用经费不低于基准定额',
    nameEn: 'Public funds per student at or above the benchmark quota',
    legalBasis:
      '义务教育生均公用经费基准定额（国发〔2015〕67号起城乡统一；2023 春季学期起小学 720 元、初中 940 元）；寄宿生另加补助；特殊教育学生 6000 元；不足 100 人的农村小规模学校按 100 人核定',
    legalSource: '国发〔2015〕67号；《义务教育法》第四十二条',
    formula: '生均公用经费 ≥ 基准定额(学段, 地区类别, 生效日期)；需求额 = Σ max(N,100 小规模校)×定额 + 寄宿生×寄宿补助 + 特教生×6000',
    requiredInputs: ['bulletin_fact per_student_public_funds 或 expenditure 公用经费', 'funding_standard (生效日期)', '寄宿生/特教生/小规模学校人数（如有）'],
    severity: 'statutory',
    perLevel: true,
    valueUnit: 'fen_per_student',
  },
  {
    id: 'teacher-pay-parity',
    nameZh: '教师平均工资收入水平不低于当地公务员',
    nameEn: "Teachers' average pay at least local civil servants'",
    legalBasis: '教师的平均工资水平应当不低于或者高于当地公务员的平均工资水平，并逐步提高。',
    legalSource: '《中华人民共和国教师法》第二十五条；《义务教育法》第三十一条',
    formula: '教师平均工资 ≥ 当地公务员平均工资',
    requiredInputs: ['fiscal_fact teacher_avg_pay', 'fiscal_fact civil_servant_avg_pay'],
    severity: 'statutory',
    perLevel: false,
    valueUnit: 'fen',
  },
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleDefinition(id: RuleId): RuleDefinition {
  const r = BY_ID.get(id);
  if (!r) throw new RangeError(`unknown rule ${id}`);
  return r;
}

export function isRuleId(s: string): s is RuleId {
  return BY_ID.has(s as RuleId);
}
