import { describe, expect, it } from 'vitest';
import { keyLabel, storedDifference, storedKindOf, storedText } from './stored-values';

describe('stored values', () => {
  it('reads the kind of a stored value from the dataset kind and the key', () => {
    expect(storedKindOf('expenditure', 'primary/205')).toBe('money');
    expect(storedKindOf('enrolment', 'primary')).toBe('count');
    expect(storedKindOf('fiscal', 'gpb_expenditure')).toBe('money');
    expect(storedKindOf('fiscal', 'population')).toBe('count');
    expect(storedKindOf('fiscal', 'area')).toBe('area');
  });

  it('shows 分 as 元 exactly, persons whole, and keeps text that is not an integer', () => {
    expect(storedText('83964900000000', 'money')).toBe('839,649,000,000.00');
    expect(storedText('83964900000000', 'money', false)).toBe('839649000000.00');
    expect(storedText('-5', 'money')).toBe('-0.05');
    expect(storedText('1234567', 'count')).toBe('1,234,567');
    expect(storedText('1650', 'area')).toBe('16.50');
    expect(storedText(null, 'money')).toBeNull();
  });

  it('computes differences exactly, with a sign', () => {
    expect(storedDifference('100', '250', 'money')).toBe('+1.50');
    expect(storedDifference('250', '100', 'money', false)).toBe('-1.50');
    expect(storedDifference(null, '1', 'money')).toBeNull();
    // Beyond 2^53: no float rounding.
    expect(storedDifference('9007199254740993', '9007199254740995', 'count', false)).toBe('+2');
  });

  it('names keys in the reader’s language', () => {
    expect(keyLabel('primary/2050202', 'zh')).toBe('小学 / 2050202');
    expect(keyLabel('gpb_expenditure', 'zh')).toBe('一般公共预算支出');
    expect(keyLabel('gpb_expenditure', 'en')).toBe('gpb_expenditure');
    expect(keyLabel('all/per_student', 'en')).toBe('All levels / per_student');
  });
});
