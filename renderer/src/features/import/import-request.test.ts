import { describe, expect, it } from 'vitest';
import { ImportRequest } from '../../../../core/import/request';
import { buildRequest, EMPTY_FORM, parseControls, sameRequest } from './import-request';

describe('import request from the wizard form', () => {
  it('leaves out what the user did not choose, and parses as the contract’s ImportRequest', () => {
    const r = buildRequest({ ...EMPTY_FORM, kind: 'capacity' }, []);
    expect(r).toEqual({ kind: 'capacity', map: [], where: [], encoding: 'auto', controls: [] });
    expect(ImportRequest.safeParse(r).success).toBe(true);
  });

  it('carries every choice', () => {
    const r = buildRequest(
      { kind: 'expenditure', sheet: '表1', unit: '万元', basis: 'mof_205', scope: 'own_level', stage: 'final_accounts', encoding: 'gb18030', datasetName: ' 2023 决算 ', password: 'pw', controls: '2023=1,234.5\n amount:2022 = 99 ; bad line' },
      ['amount=#5', 'region=#1', 'year==2023'],
    );
    expect(r).toEqual({
      kind: 'expenditure', sheet: '表1', unit: '万元', basis: 'mof_205', scope: 'own_level', stage: 'final_accounts', encoding: 'gb18030', datasetName: '2023 决算', password: 'pw',
      map: ['amount=#5', 'region=#1', 'year==2023'], where: [], controls: ['2023=1,234.5', 'amount:2022=99'],
    });
    expect(ImportRequest.safeParse(r).success).toBe(true);
  });

  it('drops 口径 and 范围 where the kind has none', () => {
    const r = buildRequest({ ...EMPTY_FORM, kind: 'regions', basis: 'mof_205', scope: 'own_level' }, []);
    expect(r.basis).toBeUndefined();
    expect(r.scope).toBeUndefined();
  });

  it('reports control lines it cannot read', () => {
    expect(parseControls('2024=8396.49；2023＝7971.25\nfoo')).toEqual({ controls: ['2024=8396.49', '2023=7971.25'], invalid: ['foo'] });
  });

  it('compares requests regardless of key order', () => {
    const a = buildRequest({ ...EMPTY_FORM, unit: '亿元' }, ['a=#1']);
    const b = { ...a };
    expect(sameRequest(a, JSON.parse(JSON.stringify(b, Object.keys(b).reverse())) as typeof a)).toBe(true);
    expect(sameRequest(a, { ...a, unit: '万元' })).toBe(false);
  });
});
