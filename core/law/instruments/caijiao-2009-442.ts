import { instrument } from '../define';

// The centre budgets its share of the secondary-vocational tuition waiver at a flat rate; the
// province pays schools the approved fee. Read on a regional government page citing the notice.
export const caijiao2009442 = instrument({
  id: 'caijiao-2009-442',
  number: '财教〔2009〕442号',
  title: '财政部 国家发展改革委 教育部 人力资源社会保障部关于中等职业学校农村家庭经济困难学生和涉农专业学生免学费工作的意见',
  issuer: '财政部、国家发展改革委、教育部、人力资源社会保障部',
  date: '2009-12-01',
  url: 'https://60617075t6.com/html/zwfwzdbsfw....info11623897.html',
  urlKind: 'repost',
  articles: {
    '免学费补助资金': '免学费补助资金，中央财政统一按照每生每年平均2000元标准，与地方按比例分担，并按各中等职业学校各专业学费标准安排拨付。',
  },
  values: [{ key: 'aid.voc_fee_waiver.central_rate', value: 200000, from: '2009-12-01', to: null, article: '免学费补助资金', confidence: 'M', note: 'Whether the flat 2000 元 rate still applies after 2021 was not confirmed.' }],
});
