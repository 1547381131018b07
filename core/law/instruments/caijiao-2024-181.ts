import { instrument } from '../define';

// The 2024 notice that raised the national grants for senior-secondary and secondary-vocational
// students from the 2025 spring term, read in the news reports of its publication; the values
// before 2025 are the ones it replaced (their first year is not confirmed, hence 'M').
export const caijiao2024181 = instrument({
  id: 'caijiao-2024-181',
  number: '财教〔2024〕181号',
  title: '财政部 教育部关于提高普通高中和中等职业学校国家助学金资助标准的通知（据人民网 2024-10-31、新华网 2025-02-19 报道）',
  issuer: '财政部、教育部',
  date: '2024-10-31',
  url: 'http://jl77777.com/edu/gaoxiao/2024/1031/1026444.html',
  urlKind: 'repost',
  articles: {
    '标准': '自2025年春季学期起，普通高中国家助学金平均资助标准由每生每年2000元提高到2300元；中等职业学校国家助学金平均资助标准由每生每年2000元提高到2300元；各地可结合实际在1200—3500元范围内确定，分2—3档。',
  },
  values: [
    { key: 'aid.senior_grant.average', value: 200000, from: '2019-01-01', to: '2025-01-01', article: '标准', confidence: 'M', note: 'The 2000 元 rate the notice replaced; in force by 2019, its first year not confirmed.' },
    { key: 'aid.senior_grant.average', value: 230000, from: '2025-01-01', to: null, article: '标准', confidence: 'C' },
    { key: 'aid.voc_grant.average', value: 200000, from: '2019-01-01', to: '2025-01-01', article: '标准', confidence: 'M', note: 'The 2000 元 rate the notice replaced; in force by 2019, its first year not confirmed.' },
    { key: 'aid.voc_grant.average', value: 230000, from: '2025-01-01', to: null, article: '标准', confidence: 'C' },
    { key: 'aid.grant_tier.min', value: 100000, from: '2019-01-01', to: '2025-01-01', article: '标准', confidence: 'M', note: '1000–3000 元 as one province (宁夏) stated it for 2024; the national range before 2025 is not confirmed.' },
    { key: 'aid.grant_tier.max', value: 300000, from: '2019-01-01', to: '2025-01-01', article: '标准', confidence: 'M', note: '1000–3000 元 as one province (宁夏) stated it for 2024; the national range before 2025 is not confirmed.' },
    { key: 'aid.grant_tier.min', value: 120000, from: '2025-01-01', to: null, article: '标准', confidence: 'C' },
    { key: 'aid.grant_tier.max', value: 350000, from: '2025-01-01', to: null, article: '标准', confidence: 'C' },
  ],
});
