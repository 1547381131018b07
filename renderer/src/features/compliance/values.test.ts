import { describe, expect, it } from 'vitest';
import { valuePairText } from './values';

describe('this year against last year', () => {
  it('prints enough digits to show a fall (仁和县 2020: 275,307,570.04 vs 275,307,570.11 元)', () => {
    // In 分: 27,530,757,004 vs 27,530,757,011. At two places in 万元 both read 27,530.76.
    expect(valuePairText('27530757004', '27530757011', 'fen', '万元')).toEqual(['27,530.757004', '27,530.757011']);
    expect(valuePairText('27530757004', '27530757011', 'fen', '元')).toEqual(['275,307,570.04', '275,307,570.11']);
    expect(valuePairText('27530757004', '27530757011', 'fen', '亿元')).toEqual(['2.7530757004', '2.7530757011']);
  });
  it('keeps two places when they already differ, and for equal values', () => {
    expect(valuePairText('27530757004', '26530757011', 'fen', '万元')).toEqual(['27,530.76', '26,530.76']);
    expect(valuePairText('100', '100', 'fen', '元')).toEqual(['1.00', '1.00']);
  });
  it('per-student values too', () => {
    expect(valuePairText('1500000.001', '1500000.004', 'fen_per_student', '万元')).toEqual(['15,000.00001', '15,000.00004']);
  });
});
