import { describe, expect, it } from 'vitest';
import { unitInText } from './units';

describe('units read from headers', () => {
  it('reads Chinese brackets and 单位 lines, and skips per-capita units', () => {
    expect(unitInText('地区生产总值（亿元）')).toBe('亿元');
    expect(unitInText('单位：万元')).toBe('万元');
    expect(unitInText('人均地区生产总值(元/人)')).toBeUndefined();
  });

  it('reads units spelled into English column names', () => {
    expect(unitInText('gdp_100m_yuan')).toBe('亿元');
    expect(unitInText('edu_funding_state_fiscal_10k_yuan')).toBe('万元');
    expect(unitInText('population_10k')).toBe('万人');
    expect(unitInText('enrol_primary_10k')).toBe('万人');
    expect(unitInText('gdp_per_capita_yuan')).toBeUndefined();
    expect(unitInText('value')).toBeUndefined();
  });
});
