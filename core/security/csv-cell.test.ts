import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, looksLikeFormula, neutraliseFormula, startsLikeFormula } from './csv-cell';

/** What a spreadsheet reads from one CSV field (quotes removed, doubled quotes undone). */
const unquote = (field: string) => (field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field);

describe('CSV formula neutralisation (#16.2)', () => {
  it('prefixes an apostrophe to text starting with = + - @ tab or CR', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1+cmd')).toBe("'+1+cmd");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('=cmd|\' /C calc\'!A0')).toBe("'=cmd|' /C calc'!A0");
  });
  it('keeps numbers numeric: numbers, and text that is a plain number (exact decimals, signs, percents)', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('-12.50')).toBe('-12.50');
    expect(csvCell('+3')).toBe('+3');
    expect(csvCell('-0.25%')).toBe('-0.25%');
    expect(csvCell('-1e3')).toBe('-1e3');
    expect(csvCell('北京市')).toBe('北京市');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
  it('names: anything starting like a formula, even a number, is refused on import', () => {
    expect(startsLikeFormula('-5')).toBe(true);
    expect(startsLikeFormula('北京')).toBe(false);
    expect(looksLikeFormula('-5')).toBe(false);
  });
  it('property: a field reads back as the text or the neutralised text, and never as a live formula', () => {
    const text = fc.oneof(fc.string(), fc.string().map((s) => `${'=+-@\t\r'[s.length % 6]}${s}`), fc.double({ noNaN: true }).map(String));
    fc.assert(
      fc.property(text, (s) => {
        const read = unquote(csvCell(s));
        expect(read === s || read === `'${s}`).toBe(true);
        expect(read === neutraliseFormula(s)).toBe(true);
        expect(looksLikeFormula(read)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
