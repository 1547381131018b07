import { describe, expect, it } from 'vitest';
import { fieldName, valueWords } from './field-words';

describe('audit fields in words', () => {
  it('a scenario overlay reads as parameters, not JSON', () => {
    const overlay = '[{"key":"difficulty.tilt","value":1,"from":null,"to":null},{"key":"factor.difficulty","value":0.2,"from":2024,"to":null}]';
    expect(valueWords(overlay, 'zh')).toBe('向欠发达地区倾斜强度（困难系数乘数） = 1；财力困难程度因素权重 = 20% (2024–…)');
    expect(valueWords(overlay, 'en')).toBe('Tilt toward underdeveloped areas (difficulty multiplier) = 1; Weight: fiscal difficulty = 20% (2024–…)');
    expect(valueWords('[]', 'zh')).toBe('（无）');
    expect(valueWords('{"390221":78}', 'en')).toBe('390221: 78');
    expect(valueWords('甲方案', 'zh')).toBe('甲方案');
  });
  it('field names in words', () => {
    expect(fieldName('overlay', 'zh')).toBe('参数调整');
    expect(fieldName('overlay', 'en')).toBe('parameter changes');
    expect(fieldName('some_thing', 'en')).toBe('some thing');
  });
});
