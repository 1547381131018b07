import { describe, expect, it } from 'vitest';
import { fileSize, groupDecimal } from './numbers';

describe('display helpers', () => {
  it('groups exact decimal text without touching its digits', () => {
    expect(groupDecimal('839649000000.00')).toBe('839,649,000,000.00');
    expect(groupDecimal('-1234')).toBe('-1,234');
    expect(groupDecimal('999.5')).toBe('999.5');
    expect(groupDecimal('abc')).toBe('abc');
  });
  it('prints file sizes', () => {
    expect(fileSize(512)).toBe('512 B');
    expect(fileSize(4828)).toBe('4.7 KB');
    expect(fileSize(12.3 * 1024 * 1024)).toBe('12.3 MB');
  });
});
