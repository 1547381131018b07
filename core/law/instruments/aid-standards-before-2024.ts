import { instrument } from '../define';

// The living-subsidy rates in force before the 2024 spring term, and the national coverage of the
// senior-secondary grant, as the 2016 and 2019 reports state them (first years not confirmed).
export const aidStandardsBefore2024 = instrument({
  id: 'aid-standards-before-2024',
  number: '',
  title: '家庭经济困难学生生活补助与普通高中国家助学金的既有标准（据 2016、2019 年公开报道）',
  issuer: '财政部、教育部',
  date: '2019-01-01',
  url: 'http://www.glxtkj.com/news/shannxi/370125.html',
  urlKind: 'repost',
  articles: {
    '生活补助': '家庭经济困难寄宿生生活补助国家基础标准小学每生每年1000元、初中1250元；非寄宿生按寄宿生标准的50%。',
    '资助面': '普通高中国家助学金资助面约为在校生的20%。',
  },
  values: [
    { key: 'standard.living_subsidy_boarder.primary.national', value: 100000, from: '2019-01-01', to: '2024-01-01', article: '生活补助', confidence: 'M', note: 'In force by 2019; its first year is not confirmed.' },
    { key: 'standard.living_subsidy_boarder.junior.national', value: 125000, from: '2019-01-01', to: '2024-01-01', article: '生活补助', confidence: 'M', note: 'In force by 2019; its first year is not confirmed.' },
    { key: 'aid.living_subsidy.non_boarder_share', value: 0.5, from: '2019-01-01', to: null, article: '生活补助', confidence: 'C' },
    { key: 'aid.senior_grant.coverage', value: 0.2, from: '2016-01-01', to: null, article: '资助面', url: 'http://m.xahruz.cn/e/20160819/57b664ccc9610.shtml', urlKind: 'repost', confidence: 'M', note: 'About 20 % nationally (2016 summary); a regional split (east 10 %, centre 20 %, west 30 %) is not confirmed.' },
  ],
});
