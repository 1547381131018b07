import { describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../../../../core/ipc/schemas';
import { supersededBy } from './versions';

const d = (id: number, supersedesId: number | null): DatasetInfo => ({
  id, name: 'x', kind: 'fiscal', sourceFileName: 'x.csv', sha256: '0'.repeat(64), sheet: null, importedAt: '2024-01-01T00:00:00Z', unit: '亿元', basis: null, scope: null,
  releaseStage: 'other', rowCount: 1, synthetic: false, supersedesId, note: null, firstYear: 2020, lastYear: 2020, regionCount: 1,
});

describe('version chain', () => {
  const list = [d(1, null), d(2, null), d(3, 1), d(4, 3)];
  it('inverts supersedes', () => {
    expect([...supersededBy(list)]).toEqual([[1, 3], [3, 4]]);
  });
});
