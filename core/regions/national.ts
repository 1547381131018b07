// 全国 as a region (code 000000): a row labelled 全国, 全国合计, 全国总计 or 中国 is the whole country's
// own figure — stored as a national fact, never used as a control total of the rows beside it (a
// national figure may include central spending the provinces' sum does not). 地方合计, 合计 and
// other totals stay control totals.
export const NATIONAL_CODE = '000000';

const NATIONAL = new Set(['全国', '全国合计', '全国总计', '中国', '中华人民共和国', '全国(合计)', '全国(总计)']);

export function isNationalLabel(text: string): boolean {
  return NATIONAL.has(text.normalize('NFKC').replace(/[\s\u200b\u3000]/g, ''));
}
