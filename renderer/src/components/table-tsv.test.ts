import { describe, expect, it } from 'vitest';
import { rowsToTsv, tsvCell } from './table-tsv';

describe('table as TSV', () => {
  it('drops sort marks, folds whitespace and ungroups numbers', () => {
    expect(tsvCell('Spending\n(100m yuan) ⇅')).toBe('Spending (100m yuan)');
    expect(tsvCell('1,332.82')).toBe('1332.82');
    expect(tsvCell('-7,795,609')).toBe('-7795609');
    expect(tsvCell('+3.53%')).toBe('+3.53%');
    // Not a grouped number: kept as written.
    expect(tsvCell('1,2')).toBe('1,2');
    expect(tsvCell('北塘区 390102')).toBe('北塘区 390102');
  });
  it('joins cells with tabs and rows with CRLF', () => {
    expect(rowsToTsv([['层级', '支出'], ['小学', '424.05'], ['合计', '1,332.82']])).toBe('层级\t支出\r\n小学\t424.05\r\n合计\t1332.82');
  });
});
