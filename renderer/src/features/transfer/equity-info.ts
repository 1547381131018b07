// What each equity measure means, which way is more equal, and the threshold the reader may hold
// it against: the 优质均衡 ceiling from the law store where the law sets one (the between-school CV
// of 教督〔2017〕6号), and otherwise a plain statement that the law sets none.
import { lawLatest } from '../../../../core/law';

export type EquityMeasure = 'range' | 'restrictedRange' | 'federalRangeRatio' | 'cv' | 'mcloone' | 'verstegen' | 'gini' | 'theil' | 'theilWithin' | 'theilBetween' | 'wealthCorrelation' | 'wealthElasticity';
export type MeasureInfo = { definition: string; threshold: string };
type Lang = 'zh' | 'en';

const DEFINITIONS: Record<EquityMeasure, { zh: string; en: string }> = {
  range: { zh: '生均支出最高与最低的县之差（元）。越小越均衡。', en: 'Highest minus lowest county spending per student (yuan). Smaller is more equal.' },
  restrictedRange: { zh: '按学生数加权的第 95 与第 5 百分位之差（元），不受个别极端县影响。越小越均衡。', en: 'Pupil-weighted 95th minus 5th percentile (yuan), unaffected by a few extreme counties. Smaller is more equal.' },
  federalRangeRatio: { zh: '（P95 − P5）÷ P5：第 95 百分位比第 5 百分位高出多少倍。越小越均衡。', en: '(P95 − P5) ÷ P5: how far the 95th percentile is above the 5th, as a share of the 5th. Smaller is more equal.' },
  cv: { zh: '差异系数（变异系数）= 按学生数加权的标准差 ÷ 加权平均值。越小越均衡。', en: 'Coefficient of variation = pupil-weighted standard deviation ÷ pupil-weighted mean. Smaller is more equal.' },
  mcloone: { zh: '中位数以下学生的实际支出总额 ÷ 把他们都提高到中位数所需的总额。1 表示下半部分都达到中位数；越大越均衡。', en: 'Actual spending on the pupils below the median ÷ what they would receive at the median. 1 means the lower half is at the median; larger is more equal.' },
  verstegen: { zh: '中位数以上学生的实际支出总额 ÷ 把他们都降到中位数时的总额。1 表示上半部分不高于中位数；越小越均衡。', en: 'Actual spending on the pupils above the median ÷ what they would receive at the median. 1 means the upper half is at the median; smaller is more equal.' },
  gini: { zh: '按学生数加权的基尼系数，0 为完全均等，1 为完全集中。越小越均衡。', en: 'Pupil-weighted Gini coefficient: 0 is perfect equality, 1 all in one unit. Smaller is more equal.' },
  theil: { zh: '泰尔 T 指数（按学生数加权），0 为完全均等；可分解为发展档内与档间两部分。越小越均衡。', en: 'Theil T index (pupil-weighted), 0 is perfect equality; it splits into within-tier and between-tier parts. Smaller is more equal.' },
  theilWithin: { zh: '泰尔指数中来自同一发展档内各县差异的部分。', en: 'The part of the Theil index from differences among counties of the same development tier.' },
  theilBetween: { zh: '泰尔指数中来自各发展档平均水平差异的部分。', en: 'The part of the Theil index from differences between the tiers’ averages.' },
  wealthCorrelation: { zh: '生均支出与人均财力的相关系数（财政中性检验）。越接近 0，支出越不取决于当地财力。', en: 'Correlation of spending per student with revenue per head (fiscal neutrality). Nearer 0 means spending depends less on local revenue.' },
  wealthElasticity: { zh: '人均财力每高 1%，生均支出高多少 %（财政中性检验）。越接近 0 越中性。', en: 'How many % spending per student rises for each 1 % more revenue per head (fiscal neutrality). Nearer 0 is more neutral.' },
};

export function equityMeasureInfo(key: EquityMeasure, lang: Lang): MeasureInfo {
  const definition = DEFINITIONS[key][lang];
  // Only thresholds with a legal source are shown: literature benchmarks quoted without a checked
  // source would read as authoritative in an official brief.
  if (key === 'cv') {
    const primary = lawLatest('balance.cv_max.primary');
    const junior = lawLatest('balance.cv_max.junior');
    const source = `${primary.reference.document}·${primary.reference.article}`;
    const threshold =
      lang === 'zh'
        ? `优质均衡阈值：校际差异系数 小学 ≤ ${primary.value.toFixed(2)}、初中 ≤ ${junior.value.toFixed(2)}（${source}）。该阈值针对县内学校间的资源配置指标，此处为县间生均支出，仅作参照。`
        : `High-quality balance (优质均衡) threshold: between-school CV ≤ ${primary.value.toFixed(2)} (primary) and ≤ ${junior.value.toFixed(2)} (junior) (${source}). It applies to resource indicators across a county's schools; here it is spending per student across counties, for reference only.`;
    return { definition, threshold };
  }
  const none = lang === 'zh' ? '优质均衡评估办法未对此指标规定阈值。' : 'The high-quality balance (优质均衡) assessment sets no threshold for this measure.';
  return { definition, threshold: none };
}
