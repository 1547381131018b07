import { instrument } from '../define';

// 第七条 names the two parts of the 困难程度系数 and their weights; the weights of the 转移支付系数
// itself (the two 权重 of its first line) and the 增幅控制 rule are not published.
export const caiyu202258 = instrument({
  id: 'caiyu-2022-58',
  number: '财预〔2022〕58号',
  title: '中央对地方均衡性转移支付办法',
  issuer: '财政部',
  date: '2022-04-13',
  url: 'https://www.gov.cn/zhengce/zhengceku/2022-05/07/content_5689025.htm',
  urlKind: 'official',
  articles: {
    第七条:
      '某省转移支付系数 = 均衡性转移支付总额 ÷ 标准财政收支缺口总额 × 权重 + 困难程度系数 × 权重；困难程度系数 = 标准化处理后的 基本公共服务必保支出 ÷ 地方标准财政收入 × 55% + 标准化处理后的 标准财政收支缺口 ÷ 标准财政支出 × 45%。',
  },
  values: [
    { key: 'equalisation.difficulty.weight_pressure', value: 0.55, from: '2022-04-13', to: null, article: '第七条', confidence: 'C', note: 'The formulas are in the .docx attachment of the notice.' },
    { key: 'equalisation.difficulty.weight_gap', value: 0.45, from: '2022-04-13', to: null, article: '第七条', confidence: 'C' },
  ],
});
