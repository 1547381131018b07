import { instrument } from '../define';

export const gangyao1993 = instrument({
  id: 'gangyao-1993',
  number: '中发〔1993〕3号',
  title: '中国教育改革和发展纲要',
  issuer: '中共中央、国务院',
  date: '1993-02-13',
  url: 'http://hssesm.cn/c/2017-09-29/1823957.shtml',
  urlKind: 'repost',
  articles: {
    '第48条': '逐步提高国家财政性教育经费支出占国民生产总值的比例，本世纪末达到4%。',
  },
  values: [
    { key: 'fiscal_edu_gdp.min_ratio', value: 0.04, from: '1993-02-13', to: '2018-08-17', article: '第48条', confidence: 'M', note: 'First set as a goal for the end of the century; first reached in 2012 (4.28 %). Article number recalled.' },
  ],
});
