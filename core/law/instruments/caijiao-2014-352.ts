import { instrument } from '../define';

export const caijiao2014352 = instrument({
  id: 'caijiao-2014-352',
  number: '财教〔2014〕352号',
  title: '财政部 教育部关于建立完善以改革和绩效为导向的生均拨款制度加快发展现代高等职业教育的意见',
  issuer: '财政部、教育部',
  date: '2014-10-30',
  url: 'http://xjsyw.com/news/show.php?itemid=31006',
  urlKind: 'repost',
  articles: {
    '二': '2017年各地高职院校年生均财政拨款水平应当不低于12000元。',
  },
  values: [
    { key: 'standard.per_student_appropriation.higher.national', value: 1200000, from: '2017-01-01', to: null, article: '二', confidence: 'M', note: 'The figure is confirmed; the document number, its date and the article are recalled.' },
  ],
});
