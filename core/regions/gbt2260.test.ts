import { describe, expect, it } from 'vitest';
import { impliedParent, isProvincialDirectCounty, levelOfCode } from './gbt2260';

describe('GB/T 2260 code structure', () => {
  it('derives levels and parents', () => {
    expect(levelOfCode('420000')).toBe('province');
    expect(levelOfCode('420100')).toBe('prefecture');
    expect(levelOfCode('420102')).toBe('county');
    expect(impliedParent('420102')).toBe('420100');
    expect(impliedParent('420100')).toBe('420000');
    expect(impliedParent('420000')).toBeNull();
  });
  it('attaches 省直辖县 (xx90xx) to the province', () => {
    expect(isProvincialDirectCounty('429004')).toBe(true);
    expect(impliedParent('429004')).toBe('420000');
  });
  it('puts municipal districts under the pseudo-prefecture', () => {
    expect(impliedParent('110105')).toBe('110100');
    expect(impliedParent('110100')).toBe('110000');
  });
});
