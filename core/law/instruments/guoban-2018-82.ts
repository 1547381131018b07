import { instrument } from '../define';

export const guoban201882 = instrument({
  id: 'guoban-2018-82',
  number: '国办发〔2018〕82号',
  title: '国务院办公厅关于进一步调整优化结构提高教育经费使用效益的意见',
  issuer: '国务院办公厅',
  date: '2018-08-17',
  url: 'https://www.kc22.net/358308920-1-4863.html',
  urlKind: 'repost',
  articles: {
    '一、总体要求':
      '保证国家财政性教育经费支出占国内生产总值比例一般不低于4%，确保一般公共预算教育支出逐年只增不减，确保按在校学生人数平均的一般公共预算教育支出逐年只增不减。',
  },
  values: [
    { key: 'no_decrease.edu_spending.min_growth', value: 0, from: '2018-08-17', to: null, article: '一、总体要求', confidence: 'C', note: '“只增不减”: an equal amount is not a decrease. Wording confirmed from a reproduction; the section heading is recalled (M).' },
    { key: 'no_decrease.per_student.min_growth', value: 0, from: '2018-08-17', to: null, article: '一、总体要求', confidence: 'C', note: '“按在校学生人数平均的一般公共预算教育支出逐年只增不减”.' },
    { key: 'fiscal_edu_gdp.min_ratio', value: 0.04, from: '2018-08-17', to: null, article: '一、总体要求', confidence: 'C', note: '“一般不低于4%”, restating the target every year since it was first met in 2012.' },
  ],
});
