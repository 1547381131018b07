// Stored scenarios on a real migrated database: one baseline per region made on first use and never
// edited, renamed or deleted; the other rows round-trip their overlay, scores and hashes; names are
// unique per region; and the table itself refuses a baseline that carries an overlay.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../core/hash/sha256';
import type { OverlayEntry } from '../../core/transfer/parameters';
import { codedError } from '../../test/support/coded-error';
import { tempDir } from '../../test/support/temp';
import { openDatabase } from '../open';
import { BASELINE_NAME, createScenario, deleteScenario, duplicateScenario, ensureBaseline, getScenario, listScenarios, renameScenario, saveScenario, type Hashes } from './scenarios';

const dir = tempDir('wb-scenarios-');
const { db } = openDatabase(join(dir, 'scenarios.sqlite'));

const H1: Hashes = { year: 2024, paramsHash: sha256Hex('params-1'), dataHash: sha256Hex('data-1') };
const H2: Hashes = { year: 2023, paramsHash: sha256Hex('params-2'), dataHash: sha256Hex('data-2') };
const T0 = new Date('2025-01-01T00:00:00.000Z');
const T1 = new Date('2025-02-03T04:05:06.000Z');
const TILT: OverlayEntry[] = [
  { key: 'difficulty.tilt', value: 1, from: 2024, to: null },
  { key: 'floor.per_student', value: 150, from: null, to: 2026 },
];


const baselineCount = (region: string) => db.prepare('SELECT count(*) FROM scenario WHERE region_code = ? AND is_baseline = 1').pluck().get(region) as number;

afterAll(() => db.close());

beforeAll(() => {
  const region = db.prepare('INSERT INTO region (code, name, short_name, level, kind) VALUES (?, ?, ?, ?, ?)');
  region.run('390000', '示范省', '示范', 'province', 'province');
  region.run('380000', '对照省', '对照', 'province', 'province');
  region.run('370000', '第三省', '第三', 'province', 'province');
});

describe('the baseline', () => {
  it('is created once per region and the same row comes back on a second call', () => {
    const first = ensureBaseline(db, '390000', H1, T0);
    expect(first).toMatchObject({ regionCode: '390000', name: BASELINE_NAME, isBaseline: true, overlay: [], scores: {}, year: 2024, paramsHash: H1.paramsHash, dataHash: H1.dataHash, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' });
    expect(first.paramsHash).toMatch(/^[0-9a-f]{64}$/);
    // Different hashes and time on the second call: the stored row is returned unchanged.
    const second = ensureBaseline(db, '390000', H2, T1);
    expect(second).toEqual(first);
    expect(baselineCount('390000')).toBe(1);

    const other = ensureBaseline(db, '380000', H2, T1);
    expect(other.id).not.toBe(first.id);
    expect(other).toMatchObject({ regionCode: '380000', name: BASELINE_NAME, isBaseline: true, year: 2023, paramsHash: H2.paramsHash });
    expect(baselineCount('380000')).toBe(1);
    expect(baselineCount('390000')).toBe(1);
    expect(listScenarios(db, '390000').map((s) => s.id)).toEqual([first.id]);
  });

  it('cannot be saved, renamed or deleted, and stays as it was', () => {
    const base = ensureBaseline(db, '390000', H1);
    for (const attempt of [() => saveScenario(db, base.id, { overlay: TILT, ...H2 }), () => renameScenario(db, base.id, '改过的基准'), () => deleteScenario(db, base.id)]) {
      const e = codedError(attempt);
      expect(e.code).toBe('bad_input');
      expect(e.message).toContain('基准');
    }
    expect(getScenario(db, base.id)).toEqual(base);
  });

  it('duplicates into an ordinary, editable scenario', () => {
    const base = ensureBaseline(db, '380000', H1);
    const copy = duplicateScenario(db, base.id, T1);
    expect(copy).toMatchObject({ regionCode: '380000', name: `${BASELINE_NAME} 副本`, isBaseline: false, overlay: [], scores: {}, year: base.year, paramsHash: base.paramsHash, dataHash: base.dataHash });
    expect(saveScenario(db, copy.id, { overlay: TILT, ...H1 }, T1).overlay).toEqual(TILT);
    expect(baselineCount('380000')).toBe(1);
  });
});

describe('long names', () => {
  it('a copy of a 100-character name is shortened to fit, " 副本" kept', () => {
    db.prepare('INSERT OR IGNORE INTO region (code, name, short_name, level, kind) VALUES (?, ?, ?, ?, ?)').run('360000', '另一省', '另一', 'province', 'province');
    const long = createScenario(db, { regionCode: '360000', name: '远'.repeat(100), overlay: [], ...H1 }, T0);
    const copy = duplicateScenario(db, long.id, T1);
    expect(copy.name).toBe(`${'远'.repeat(97)} 副本`);
    expect(duplicateScenario(db, long.id, T1).name).toBe(`${'远'.repeat(95)} 副本 2`);
  });
});

describe('scenarios', () => {
  it('create stores the trimmed name, overlay, scores and hashes', () => {
    const s = createScenario(db, { regionCode: '390000', name: '  倾斜方案  ', overlay: TILT, scores: { '390425': 80, '390824': 45.5 }, ...H1 }, T0);
    expect(s).toMatchObject({ regionCode: '390000', name: '倾斜方案', isBaseline: false, overlay: TILT, scores: { '390425': 80, '390824': 45.5 }, year: 2024, paramsHash: H1.paramsHash, dataHash: H1.dataHash, createdAt: T0.toISOString(), updatedAt: T0.toISOString() });
    expect(getScenario(db, s.id)).toEqual(s);
    const raw = db.prepare('SELECT overlay, scores FROM scenario WHERE id = ?').get(s.id) as { overlay: string; scores: string };
    expect(JSON.parse(raw.overlay)).toEqual(TILT);
    expect(JSON.parse(raw.scores)).toEqual({ '390425': 80, '390824': 45.5 });
    // Listed after the baseline.
    expect(listScenarios(db, '390000').map((x) => [x.name, x.isBaseline])).toEqual([
      [BASELINE_NAME, true],
      ['倾斜方案', false],
    ]);
  });

  it('create without scores stores an empty map', () => {
    const s = createScenario(db, { regionCode: '370000', name: '无分值', overlay: [], ...H2 });
    expect(s.scores).toEqual({});
    expect(s.overlay).toEqual([]);
    deleteScenario(db, s.id);
  });

  it('save replaces overlay and hashes, keeps scores unless given, and moves only updatedAt', () => {
    const s = createScenario(db, { regionCode: '390000', name: '待保存', overlay: TILT, scores: { '390425': 60 }, ...H1 }, T0);
    const overlay: OverlayEntry[] = [{ key: 'hold_harmless.h', value: 0.95, from: null, to: null }];
    const saved = saveScenario(db, s.id, { overlay, ...H2 }, T1);
    expect(saved).toMatchObject({ id: s.id, name: '待保存', overlay, scores: { '390425': 60 }, year: 2023, paramsHash: H2.paramsHash, dataHash: H2.dataHash, createdAt: T0.toISOString(), updatedAt: T1.toISOString() });
    expect(getScenario(db, s.id)).toEqual(saved);
    const cleared = saveScenario(db, s.id, { overlay: [], scores: {}, ...H1 }, T1);
    expect(cleared).toMatchObject({ overlay: [], scores: {}, year: 2024, paramsHash: H1.paramsHash, dataHash: H1.dataHash });
  });

  it('rename changes the name only, and allows keeping its own name', () => {
    const s = createScenario(db, { regionCode: '390000', name: '旧名', overlay: TILT, scores: { '390425': 70 }, ...H1 }, T0);
    const renamed = renameScenario(db, s.id, ' 新名 ', T1);
    expect(renamed).toEqual({ ...s, name: '新名', updatedAt: T1.toISOString() });
    expect(renameScenario(db, s.id, '新名', T1).name).toBe('新名');
  });

  it('duplicate copies overlay, scores and hashes as "X 副本", then "X 副本 2"', () => {
    const s = createScenario(db, { regionCode: '390000', name: 'X', overlay: TILT, scores: { '390425': 20 }, ...H2 }, T0);
    const a = duplicateScenario(db, s.id, T1);
    const b = duplicateScenario(db, s.id, T1);
    expect(a).toMatchObject({ name: 'X 副本', isBaseline: false, overlay: TILT, scores: { '390425': 20 }, year: 2023, paramsHash: H2.paramsHash, dataHash: H2.dataHash, createdAt: T1.toISOString() });
    expect(b).toMatchObject({ name: 'X 副本 2', overlay: TILT, scores: { '390425': 20 }, paramsHash: H2.paramsHash, dataHash: H2.dataHash });
    expect(new Set([s.id, a.id, b.id]).size).toBe(3);
    // A copy of the copy appends to its own name.
    expect(duplicateScenario(db, a.id).name).toBe('X 副本 副本');
  });

  it('refuses a name already used in the region, naming it; another region may use it', () => {
    createScenario(db, { regionCode: '390000', name: '重名方案', overlay: [], ...H1 });
    const dup = codedError(() => createScenario(db, { regionCode: '390000', name: ' 重名方案', overlay: TILT, ...H1 }));
    expect(dup.code).toBe('bad_input');
    expect(dup.message).toContain('重名方案');
    const other = createScenario(db, { regionCode: '390000', name: '另一个', overlay: [], ...H1 });
    const renamed = codedError(() => renameScenario(db, other.id, '重名方案'));
    expect(renamed.code).toBe('bad_input');
    expect(renamed.message).toContain('重名方案');
    // The baseline's name is taken too.
    expect(codedError(() => createScenario(db, { regionCode: '390000', name: BASELINE_NAME, overlay: [], ...H1 })).message).toContain(BASELINE_NAME);
    expect(createScenario(db, { regionCode: '380000', name: '重名方案', overlay: [], ...H1 }).regionCode).toBe('380000');
    expect(listScenarios(db, '390000').filter((s) => s.name === '重名方案')).toHaveLength(1);
  });

  it('refuses an empty or over-long name', () => {
    for (const name of ['', '   ', '长'.repeat(101)]) {
      expect(codedError(() => createScenario(db, { regionCode: '390000', name, overlay: [], ...H1 })).code, JSON.stringify(name)).toBe('bad_input');
    }
    expect(createScenario(db, { regionCode: '390000', name: '长'.repeat(100), overlay: [], ...H1 }).name).toHaveLength(100);
  });

  it('delete removes the row; a second delete or a read of it is not_found', () => {
    const s = createScenario(db, { regionCode: '390000', name: '将删除', overlay: TILT, ...H1 });
    deleteScenario(db, s.id);
    expect(listScenarios(db, '390000').some((x) => x.id === s.id)).toBe(false);
    expect(codedError(() => getScenario(db, s.id)).code).toBe('not_found');
    expect(codedError(() => deleteScenario(db, s.id)).code).toBe('not_found');
    expect(codedError(() => saveScenario(db, s.id, { overlay: [], ...H1 })).code).toBe('not_found');
  });
});

describe('the table constraints', () => {
  const insert = (region: string, isBaseline: number, overlay: string, scores: string, name = '直接写入') =>
    db.prepare('INSERT INTO scenario (region_code, name, is_baseline, overlay, scores, year, params_hash, data_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 2024, ?, ?, ?, ?)').run(region, name, isBaseline, overlay, scores, H1.paramsHash, H1.dataHash, T0.toISOString(), T0.toISOString());

  it('refuse a baseline row with a non-empty overlay or scores', () => {
    expect(baselineCount('370000')).toBe(0);
    expect(() => insert('370000', 1, JSON.stringify(TILT), '{}')).toThrow(/CHECK constraint failed/);
    expect(() => insert('370000', 1, '[]', '{"390425":50}')).toThrow(/CHECK constraint failed/);
    expect(baselineCount('370000')).toBe(0);
    // The same overlay on an ordinary row is accepted.
    expect(insert('370000', 0, JSON.stringify(TILT), '{}').changes).toBe(1);
  });

  it('refuse a second baseline for a region, and a region that does not exist', () => {
    ensureBaseline(db, '390000', H1);
    expect(() => insert('390000', 1, '[]', '{}', '第二个基准')).toThrow(/UNIQUE constraint failed/);
    expect(baselineCount('390000')).toBe(1);
    expect(() => insert('310000', 0, '[]', '{}')).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('refuse an overlay that is not a JSON array and a hash of the wrong length', () => {
    expect(() => insert('370000', 0, '{"key":"pool.amount"}', '{}', '对象')).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare(`INSERT INTO scenario (region_code, name, year, params_hash, data_hash, created_at, updated_at) VALUES ('370000', '短哈希', 2024, 'abc', ?, 't', 't')`).run(H1.dataHash)).toThrow(/CHECK constraint failed/);
  });
});
