import { instrument } from '../define';

export const livingSubsidy2024 = instrument({
  id: 'living-subsidy-2024',
  number: '',
  title: '2024年春季学期起提高义务教育家庭经济困难寄宿生生活补助国家基础标准（财政部 2024 年财政政策执行情况报告）',
  issuer: '财政部',
  date: '2025-03-01',
  url: 'https://yaliqi.com/new/c40ab2903f03b01ec1ddea3ed89f15ef',
  urlKind: 'repost',
  articles: {
    '生活补助': '从2024年春季学期起，家庭经济困难寄宿生生活补助国家基础标准小学由每生每年1000元提高到1250元、初中由1250元提高到1500元；非寄宿生按寄宿生标准的50%。',
  },
  values: [
    { key: 'standard.living_subsidy_boarder.primary.national', value: 125000, from: '2024-01-01', to: null, article: '生活补助', confidence: 'C' },
    { key: 'standard.living_subsidy_boarder.junior.national', value: 150000, from: '2024-01-01', to: null, article: '生活补助', confidence: 'C' },
  ],
});
