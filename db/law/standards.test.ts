// The funding_standard table's built-in rows are a loaded copy of the law store, on a real file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../open';
import { loadStandardsFromLaw, standardRowsFromLaw } from './standards';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fresh() {
  const dir = mkdtempSync(join(tmpdir(), 'law-std-'));
  dirs.push(dir);
  return openDatabase(join(dir, 'wb.sqlite')).db;
}

describe('funding_standard as a copy of the law store', () => {
  it('holds exactly the store’s rows after opening, and a second load writes nothing', () => {
    const db = fresh();
    const rows = db.prepare('SELECT level, component, region_class, value, effective_from, effective_to FROM funding_standard WHERE dataset_id IS NULL ORDER BY level, component, region_class, effective_from').all();
    const want = standardRowsFromLaw()
      .map((r) => ({ level: r.level, component: r.component, region_class: r.region_class, value: r.value, effective_from: r.effective_from, effective_to: r.effective_to }))
      .sort((a, b) => (a.level + a.component + a.region_class + a.effective_from < b.level + b.component + b.region_class + b.effective_from ? -1 : 1));
    expect(rows).toEqual(want);
    expect(rows).toContainEqual({ level: 'primary', component: 'public_funds_base', region_class: 'national', value: 72000, effective_from: '2023-01-01', effective_to: null });
    expect(loadStandardsFromLaw(db)).toBe(0);
    db.close();
  });

  it('puts back a built-in row someone changed, and leaves dataset rows alone', () => {
    const db = fresh();
    db.prepare("UPDATE funding_standard SET value = 1 WHERE dataset_id IS NULL AND region_class = 'national' AND component = 'special_ed_public_funds'").run();
    expect(loadStandardsFromLaw(db)).toBe(standardRowsFromLaw().length);
    expect(db.prepare("SELECT value FROM funding_standard WHERE component = 'special_ed_public_funds'").pluck().get()).toBe(600000);
    db.close();
  });
});
