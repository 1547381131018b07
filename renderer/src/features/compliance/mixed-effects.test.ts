import { describe, expect, it } from 'vitest';
import type { ComplianceResult } from '../../../../core/compliance/types';
import { mixedEffect } from './mixed-effects';

const row = (level: ComplianceResult['level'], value: string, priorValue: string, growth: string): ComplianceResult => ({
  rule: 'per_student_no_decrease' as ComplianceResult['rule'], regionCode: '390721', regionName: '河溪县', regionLevel: 'county', year: 2024, level, scope: 'consolidated', status: growth.startsWith('-') ? 'fail' : 'pass',
  valueUnit: 'fen_per_student', value, priorValue, benchmark: null, growth, changePp: null, reason: null,
  flags: {} as ComplianceResult['flags'], decomposition: null, annotations: [],
});

describe('mixed effects', () => {
  // Primary 10,000 → 10,100 元 (+1 %) for 100 → 200 pupils, senior 20,000 → 20,200 (+1 %) for 100 → 50:
  // all levels 15,000 → 13,433.33 元 (−10.44 %).
  const total = row(null, '1343333.3333', '1500000', '-10.4444');
  const levels = [row('primary', '1010000', '1000000', '1.0000'), row('senior', '2020000', '2000000', '1.0000')];
  it('says in words, with the numbers, that the fall is a change in composition (zh)', () => {
    const s = mixedEffect(total, levels, 'zh')!;
    expect(s).toContain('各学段生均都没有下降');
    expect(s).toContain('10,000.00 → 10,100.00 元（+1.00%）');
    expect(s).toContain('合计生均从 15,000.00 元降到 13,433.33 元（-10.44%）');
    expect(s).toContain('结构变化');
  });
  it('and in English', () => {
    const s = mixedEffect(total, levels, 'en')!;
    expect(s).toContain("No level's spending per student fell");
    expect(s).toContain('from 15,000.00 to 13,433.33 yuan (-10.44%)');
  });
  it('says nothing when a level fell too, or the total rose', () => {
    expect(mixedEffect(total, [levels[0]!, row('senior', '1900000', '2000000', '-5.0000')], 'zh')).toBeNull();
    expect(mixedEffect(row(null, '1600000', '1500000', '6.6667'), levels, 'zh')).toBeNull();
  });
});
