// Where a table ends on a sheet that holds more than one thing (yearbook 续表, source lines).
import { describe, expect, it } from 'vitest';
import type { Cell } from './cells';
import { createInterpreter, type RegionLookup } from './interpret';
import { isNextTableTitle, isNoteRow } from './layout';
import type { Mapping } from './mapping';

const PROVINCES: Record<string, string> = { 北京: '110000', 天津: '120000', 河北: '130000' };
const regions: RegionLookup = {
  resolve: (text) => {
    const code = PROVINCES[text.replace(/\s+/g, '')];
    return code ? { ok: true, code, level: 'province' } : { ok: false, reason: 'unknown', candidates: [] };
  },
  isTotal: (text) => /合计/.test(text),
};

const mapping: Mapping = {
  kind: 'expenditure',
  sheet: '1-2',
  headerRows: [1],
  dataStart: 2,
  columns: ['地区', 'Region', '教育支出'],
  fields: { region: { column: 0 }, year: { constant: '2019' } },
  values: [{ column: 2, field: 'amount', unit: '亿元' }],
  filters: [],
};

function run(rows: Cell[][]) {
  const it = createInterpreter(mapping, { file: 'f.xls', sheet: '1-2', regions });
  const outs = rows.map((cells, i) => it.row({ n: i + 2, cells }));
  return { facts: outs.flatMap((o) => o.facts), problems: outs.flatMap((o) => o.problems) };
}

const data: Cell[][] = [
  ['北 京', 'Beijing', '1.00'],
  ['天 津', 'Tianjin', '2.00'],
];

describe('the end of a table', () => {
  it('recognises next-table titles and source lines', () => {
    expect(isNextTableTitle(['7-6 续表 1 continued'])).toBe(true);
    expect(isNextTableTitle(['北 京', 'Beijing', '1.00'])).toBe(false);
    expect(isNoteRow(['摘编自《中国统计年鉴2021》'])).toBe(true);
    expect(isNoteRow(['资料来源：国家统计局'])).toBe(true);
  });

  it('a 续表 below the table, with its own unit lines and repeated header, is not read (F6)', () => {
    const r = run([...data, [], ['7-6 续表 1 continued'], ['单位:亿元'], ['地 区', 'Region', '社会保障和就业支出'], ['河 北', 'Hebei', '9.00']]);
    expect(r.problems).toEqual([]);
    expect(r.facts.map((f) => f.regionCode)).toEqual(['110000', '120000']);
  });

  it('a source line 摘编自《…》 ends the table (F7)', () => {
    const r = run([...data, ['摘编自《中国统计年鉴2021》']]);
    expect(r.problems).toEqual([]);
    expect(r.facts).toHaveLength(2);
  });

  it('data rows under a one-cell title with no repeated header are refused, not dropped silently', () => {
    const r = run([...data, ['2019-2020'], ['河 北', 'Hebei', '9.00']]);
    expect(r.facts).toHaveLength(2);
    expect(r.problems.map((p) => [p.code, p.row])).toEqual([['note_inside_table', 5]]);
    expect(r.problems[0]?.expected).toContain('2019-2020');
  });
});
