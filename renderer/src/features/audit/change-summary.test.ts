import { describe, expect, it } from 'vitest';
import { changedFields } from './change-summary';

describe('changedFields', () => {
  it('lists only the fields an update changed', () => {
    expect(changedFields('{"id":1,"name":"甲","overlay":"[]"}', '{"id":1,"name":"乙","overlay":"[]"}')).toEqual([{ field: 'name', before: '甲', after: '乙' }]);
  });
  it('lists every field of an inserted or deleted row', () => {
    expect(changedFields(null, '{"id":2,"text":"说明"}')).toEqual([
      { field: 'id', before: null, after: '2' },
      { field: 'text', before: null, after: '说明' },
    ]);
    expect(changedFields('{"key":"unit"}', null)).toEqual([{ field: 'key', before: 'unit', after: null }]);
  });
  it('shortens long values for display and survives text that is not JSON', () => {
    const long = 'x'.repeat(200);
    expect(changedFields(null, JSON.stringify({ mapping: long }))[0]!.after).toHaveLength(81);
    expect(changedFields('not json', null)).toEqual([{ field: 'value', before: 'not json', after: null }]);
  });
});
