import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../../core/import/cells';
import { CsvParser, CsvSyntaxError } from './csv-parse';
import type { Separator } from './delimiter';

/** Parse `text` cut into the given pieces (the parser must not care where the cuts fall). */
function parse(text: string, sep: Separator = ',', cuts: number[] = []): RawRow[] {
  const p = new CsvParser(sep);
  const out: RawRow[] = [];
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    p.push(text.slice(at, cut), out);
    at = cut;
  }
  p.push(text.slice(at), out);
  p.end(out);
  return out;
}

const cells = (rows: RawRow[]) => rows.map((r) => r.cells);

describe('CsvParser', () => {
  it('splits plain records, empty fields are null, trailing empties trimmed', () => {
    expect(parse('a,b,c\n1,,3\n4,5,\n')).toEqual([
      { n: 1, cells: ['a', 'b', 'c'] },
      { n: 2, cells: ['1', null, '3'] },
      { n: 3, cells: ['4', '5'] },
    ]);
  });

  it('handles LF, CRLF and lone CR line ends, and a last record without a line end', () => {
    expect(cells(parse('a,b\r\n1,2\r3,4\n5,6'))).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]);
  });

  it('numbers blank records but drops those after the last non-blank one', () => {
    expect(parse('a\n\n,,\nb\n\n\n')).toEqual([
      { n: 1, cells: ['a'] },
      { n: 2, cells: [] },
      { n: 3, cells: [] },
      { n: 4, cells: ['b'] },
    ]);
  });

  it('reads RFC 4180 quoting: separators, doubled quotes and line breaks inside quotes', () => {
    const rows = parse('name,note\r\n"Beijing, East","line1\r\nline2"\r\n"say ""hi""",""\r\nnext,1\r\n');
    expect(rows).toEqual([
      { n: 1, cells: ['name', 'note'] },
      { n: 2, cells: ['Beijing, East', 'line1\r\nline2'] }, // one record over two lines
      { n: 3, cells: ['say "hi"'] },
      { n: 4, cells: ['next', '1'] },
    ]);
  });

  it('is lenient where Excel is: quotes inside unquoted fields and text after a closing quote', () => {
    expect(cells(parse('5" pipe,x\n"a"b,c\n'))).toEqual([['5" pipe', 'x'], ['ab', 'c']]);
  });

  it('keeps spaces and text as written', () => {
    expect(cells(parse(' 北  京 ,  1.5\n'))).toEqual([[' 北  京 ', '  1.5']]);
  });

  it('treats the NBS "\\t," pair as one separator and keeps plain commas in notes', () => {
    const text = '数据库：分省年度数据 \n地区\t,2025年\t,2024年\t,\n北京市\t,\t,8396.49\t,\n注：1. 均为本级收入,不包括债务收入。\n';
    expect(cells(parse(text, '\t,'))).toEqual([['数据库：分省年度数据 '], ['地区', '2025年', '2024年'], ['北京市', null, '8396.49'], ['注：1. 均为本级收入,不包括债务收入。']]);
  });

  it('drops a stray tab before the line end in "\\t," mode', () => {
    expect(cells(parse('a\t,b\t\n', '\t,'))).toEqual([['a', 'b']]);
  });

  it('reads tab and semicolon separators', () => {
    expect(cells(parse('a\tb\t\n1\t"x\ty"\n', '\t'))).toEqual([['a', 'b'], ['1', 'x\ty']]);
    expect(cells(parse('a;1,5\n', ';'))).toEqual([['a', '1,5']]);
  });

  it('strips a leading BOM the decoder left', () => {
    expect(cells(parse('\uFEFFa,b\n'))).toEqual([['a', 'b']]);
  });

  it('reports an unclosed quote with the record it starts', () => {
    expect(() => parse('a\n"open,1\n2\n')).toThrow(CsvSyntaxError);
    try {
      parse('a\nb\n"open,1\n2\n');
    } catch (e) {
      expect(e).toMatchObject({ kind: 'unclosedQuote', row: 3 });
    }
  });

  it('gives the same rows wherever the chunks are cut', () => {
    const samples: [string, Separator][] = [
      ['a,b,c\r\n1,"x,""y""\r\nz",3\r\n\r\n4,,\r5,6', ','],
      ['地区\t,2024年\t,\n北京市\t,1.5\t,\n注：a,b\n', '\t,'],
      ['"",""\n"a""",b\r\n', ','],
    ];
    for (const [text, sep] of samples) {
      const whole = parse(text, sep);
      for (let cut = 0; cut <= text.length; cut++) expect(parse(text, sep, [cut])).toEqual(whole);
    }
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.constantFrom('', 'x', ' y ', '1.5', '北京', 'a,b', 'q"q', 'l\nl', 'c\r\nr')), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        (records, rawCuts, eol) => {
          const quote = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
          const text = records.map((r) => r.map(quote).join(',')).join(eol) + eol;
          const whole = parse(text);
          const cuts = rawCuts.map((c) => c % (text.length + 1));
          expect(parse(text, ',', cuts)).toEqual(whole);
          // and every non-empty record comes back as written
          const expected = records.map((r) => {
            const c = r.map((f) => (f === '' ? null : f));
            while (c.length && c[c.length - 1] === null) c.pop();
            return c;
          });
          while (expected.length && expected[expected.length - 1]?.length === 0) expected.pop();
          expect(cells(whole)).toEqual(expected);
        },
      ),
    );
  });
});
