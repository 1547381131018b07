import { instrument } from '../define';

// The 2023 rise was announced with the year's 城乡义务教育补助经费; the notice's number was not
// found, so the instrument is the published announcement. It also fixes the figure it rose from.
export const quota2023 = instrument({
  id: 'quota-2023',
  number: '',
  title: '2023年春季学期起提高义务教育生均公用经费基准定额和寄宿生补助（财政部、教育部公布，人民日报海外版 2023-05-10 报道）',
  issuer: '财政部、教育部',
  date: '2023-05-10',
  url: 'http://m.nodetpl.com/2023/0510/471176.shtml',
  urlKind: 'repost',
  articles: {
    '基准定额': '2023年春季学期起，义务教育生均公用经费基准定额小学由650元提高到720元、初中由850元提高到940元。',
    '寄宿生': '寄宿制学校寄宿生年生均公用经费补助由200元提高到300元。',
  },
  values: [
    { key: 'standard.public_funds_base.primary.national', value: 65000, from: '2016-01-01', to: '2023-01-01', article: '基准定额', confidence: 'M', note: 'The figure the 2023 rise started from. When 中西部 moved from 600 to 650 元 is not known, so it is stored from 2016 beside the east/central-west figures of 国发〔2015〕67号, which a region-class lookup prefers.' },
    { key: 'standard.public_funds_base.junior.national', value: 85000, from: '2016-01-01', to: '2023-01-01', article: '基准定额', confidence: 'M', note: 'As for primary: the figure the 2023 rise started from.' },
    { key: 'standard.public_funds_base.primary.national', value: 72000, from: '2023-01-01', to: null, article: '基准定额', confidence: 'C' },
    { key: 'standard.public_funds_base.junior.national', value: 94000, from: '2023-01-01', to: null, article: '基准定额', confidence: 'C' },
    { key: 'standard.boarding_topup.primary.national', value: 30000, from: '2023-01-01', to: null, article: '寄宿生', confidence: 'C' },
    { key: 'standard.boarding_topup.junior.national', value: 30000, from: '2023-01-01', to: null, article: '寄宿生', confidence: 'C' },
  ],
});
