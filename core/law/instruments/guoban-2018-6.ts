import { instrument } from '../define';

// The plan cut seven tiers to five; the education items (中职国家助学金, 普高免学杂费 …) use these
// central shares. 义务教育公用经费 is split differently and is not stored here.
export const guoban20186 = instrument({
  id: 'guoban-2018-6',
  number: '国办发〔2018〕6号',
  title: '国务院办公厅关于印发基本公共服务领域中央与地方共同财政事权和支出责任划分改革方案的通知',
  issuer: '国务院办公厅',
  date: '2018-01-27',
  url: 'https://yybnet.net/guangxi/news/201802/7028332.html',
  urlKind: 'repost',
  articles: {
    '二（三）':
      '中央与地方按比例分担：第一档（内蒙古、广西、重庆、四川、贵州、云南、西藏、陕西、甘肃、青海、宁夏、新疆）中央分担80%；第二档（河北、山西、吉林、黑龙江、安徽、江西、河南、湖北、湖南、海南）60%；第三档（辽宁、福建、山东）50%；第四档（天津、江苏、浙江、广东及大连、宁波、厦门、青岛、深圳）30%；第五档（北京、上海）10%。',
  },
  values: [
    { key: 'cost_share.central.tier1', value: 0.8, from: '2019-01-01', to: null, article: '二（三）', confidence: 'C', note: 'The plan applies from 1 January 2019; the article number is recalled (M).' },
    { key: 'cost_share.central.tier2', value: 0.6, from: '2019-01-01', to: null, article: '二（三）', confidence: 'C' },
    { key: 'cost_share.central.tier3', value: 0.5, from: '2019-01-01', to: null, article: '二（三）', confidence: 'C' },
    { key: 'cost_share.central.tier4', value: 0.3, from: '2019-01-01', to: null, article: '二（三）', confidence: 'C' },
    { key: 'cost_share.central.tier5', value: 0.1, from: '2019-01-01', to: null, article: '二（三）', confidence: 'C' },
  ],
});
