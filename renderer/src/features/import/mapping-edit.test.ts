import { describe, expect, it } from 'vitest';
import { bindingOfColumn, chooseField, draftFromMapping, mapStrings, setConstant, yearColumns, type OutcomeMapping } from './mapping-edit';

// An NBS export: 地区, then years across the top, an empty trailing column.
const wide: OutcomeMapping = {
  kind: 'capacity',
  sheet: 'x.csv',
  headerRows: [3],
  dataStart: 4,
  columns: ['地区', '2025年', '2024年', '2023年', ''],
  fields: { region: { column: 0 } },
  values: [
    { column: 1, field: 'gpb_expenditure', year: 2025, unit: '亿元' },
    { column: 2, field: 'gpb_expenditure', year: 2024, unit: '亿元' },
    { column: 3, field: 'gpb_expenditure', year: 2023, unit: '亿元' },
  ],
  filters: [],
};

// A long table: 地区, 年份, 学段, 金额（万元）, 备注.
const long: OutcomeMapping = {
  kind: 'expenditure',
  sheet: 'Sheet1',
  headerRows: [1],
  dataStart: 2,
  columns: ['地区', '年份', '学段', '金额（万元）', '备注'],
  fields: { region: { column: 0 }, year: { column: 1 }, level: { column: 2 } },
  values: [{ column: 3, field: 'amount', unit: '万元' }],
  filters: [],
};

describe('mapping edits → map strings', () => {
  it('reads the engine’s mapping into one field per column', () => {
    expect(draftFromMapping(wide)).toEqual({ columns: ['region', 'gpb_expenditure', 'gpb_expenditure', 'gpb_expenditure', null], constants: {} });
    expect([...yearColumns(wide)].sort()).toEqual([1, 2, 3]);
    expect(bindingOfColumn(wide, 2)).toEqual({ field: 'gpb_expenditure', year: 2024, unit: '亿元' });
    expect(bindingOfColumn(wide, 0)).toEqual({ field: 'region' });
    expect(bindingOfColumn(wide, 4)).toBeNull();
  });

  it('sends nothing when nothing changed', () => {
    expect(mapStrings('capacity', wide, draftFromMapping(wide), [])).toEqual({ map: [], cannotUnbind: [] });
  });

  it('moves the year columns of a wide table together and sends FIELD=@years', () => {
    const d = chooseField('capacity', wide, draftFromMapping(wide), 2, 'gdp');
    expect(d.columns).toEqual(['region', 'gdp', 'gdp', 'gdp', null]);
    // gpb_expenditure loses its columns, which the engine's map cannot express.
    expect(mapStrings('capacity', wide, d, [])).toEqual({ map: ['gdp=@years'], cannotUnbind: ['gpb_expenditure'] });
  });

  it('binds a year column group the engine did not recognise', () => {
    const bare: OutcomeMapping = { ...wide, values: [] };
    const d = chooseField('capacity', bare, draftFromMapping(bare), 1, 'gpb_expenditure');
    expect(d.columns).toEqual(['region', 'gpb_expenditure', 'gpb_expenditure', 'gpb_expenditure', null]);
    expect(mapStrings('capacity', bare, d, []).map).toEqual(['gpb_expenditure=@years']);
  });

  it('rebinds a key field to another column (one column per key field), 1-based', () => {
    const d = chooseField('expenditure', long, draftFromMapping(long), 4, 'level');
    expect(d.columns).toEqual(['region', 'year', null, 'amount', 'level']);
    expect(mapStrings('expenditure', long, d, [])).toEqual({ map: ['level=#5'], cannotUnbind: [] });
  });

  it('binds a value field to a plain column as FIELD=#N', () => {
    const d = chooseField('expenditure', long, draftFromMapping(long), 4, 'amount');
    expect(mapStrings('expenditure', long, d, []).map).toEqual(['amount=#4', 'amount=#5']);
  });

  it('sets a fixed value (year==2019) and frees the column that held the field', () => {
    const d = setConstant(draftFromMapping(long), 'year', ' 2019 ');
    expect(d.columns[1]).toBeNull();
    expect(mapStrings('expenditure', long, d, []).map).toEqual(['year==2019']);
    // Clearing the fixed value leaves year unbound: the engine keeps its own binding.
    expect(mapStrings('expenditure', long, setConstant(d, 'year', ''), []).cannotUnbind).toEqual(['year']);
  });

  it('keeps the strings of earlier rounds for fields not touched now, and replaces those touched', () => {
    // The engine showed the mapping after an earlier round that sent level=#5.
    const shown: OutcomeMapping = { ...long, fields: { ...long.fields, level: { column: 4 } } };
    const d = chooseField('expenditure', shown, draftFromMapping(shown), 0, 'region');
    expect(mapStrings('expenditure', shown, d, ['level=#5']).map).toEqual(['level=#5']);
    const d2 = chooseField('expenditure', shown, draftFromMapping(shown), 2, 'level');
    expect(mapStrings('expenditure', shown, d2, ['level=#5']).map).toEqual(['level=#3']);
  });

  it('offers a unit column for fact tables', () => {
    const d = chooseField('expenditure', long, draftFromMapping(long), 4, 'unit');
    expect(mapStrings('expenditure', long, d, []).map).toEqual(['unit=#5']);
  });
});
