import { instrument } from '../define';

// “从2016年春季学期开始”: stored from 1 January 2016, the day the compliance rule reads for a year
// (a year's standard is the one in force on its first day).
export const guofa201567 = instrument({
  id: 'guofa-2015-67',
  number: '国发〔2015〕67号',
  title: '国务院关于进一步完善城乡义务教育经费保障机制的通知',
  issuer: '国务院',
  date: '2015-11-25',
  url: 'http://clubcadera.com/details.php?alias=hangye&id=966',
  urlKind: 'repost',
  articles: {
    '二（二）':
      '统一城乡义务教育学校生均公用经费基准定额：中西部地区小学600元、初中800元，东部地区小学650元、初中850元；特殊教育学校和随班就读残疾学生按每生每年6000元补助；寄宿制学校按寄宿生年生均200元增加公用经费；不足100人的农村小规模学校和教学点按100人核定公用经费。',
  },
  values: [
    { key: 'standard.public_funds_base.primary.central_west', value: 60000, from: '2016-01-01', to: '2023-01-01', article: '二（二）', confidence: 'C' },
    { key: 'standard.public_funds_base.primary.east', value: 65000, from: '2016-01-01', to: '2023-01-01', article: '二（二）', confidence: 'C' },
    { key: 'standard.public_funds_base.junior.central_west', value: 80000, from: '2016-01-01', to: '2023-01-01', article: '二（二）', confidence: 'C' },
    { key: 'standard.public_funds_base.junior.east', value: 85000, from: '2016-01-01', to: '2023-01-01', article: '二（二）', confidence: 'C' },
    { key: 'standard.special_ed_public_funds.special.national', value: 600000, from: '2016-01-01', to: null, article: '二（二）', confidence: 'C', note: 'Raised from 4000 元. Some provinces pay more (山东 8000 元).' },
    { key: 'standard.boarding_topup.primary.national', value: 20000, from: '2016-01-01', to: '2023-01-01', article: '二（二）', confidence: 'C' },
    { key: 'standard.boarding_topup.junior.national', value: 20000, from: '2016-01-01', to: '2023-01-01', article: '二（二）', confidence: 'C' },
    { key: 'standard.small_school_min_pupils.primary.national', value: 100, from: '2016-01-01', to: null, article: '二（二）', url: 'http://yishui.gov.cn/info/129250/341109.htm', urlKind: 'government_copy', confidence: 'C' },
    { key: 'standard.small_school_min_pupils.junior.national', value: 100, from: '2016-01-01', to: null, article: '二（二）', url: 'http://yishui.gov.cn/info/129250/341109.htm', urlKind: 'government_copy', confidence: 'C' },
  ],
});
