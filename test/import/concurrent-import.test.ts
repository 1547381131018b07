// Several imports of one file at the same moment must give one dataset: the duplicate check runs
// inside the write transaction, and writers take turns (in one process through a queue, across
// processes through SQLite's write lock, waited for without blocking).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ImportRequest } from '../../core/import/request';
import { loadRegionList } from '../../db/data/region-list';
import { createRegionDirectory } from '../../db/import/region-directory';
import { runImport } from '../../db/import/run';
import { configureConnection, openDatabase } from '../../db/open';
import { tempDir } from '../support/temp';

const dir = tempDir('wb-concurrent-');

/** Every county for twenty years: big enough that one import's transaction spans many turns of the event loop. */
function writeFile(name: string): string {
  const counties = loadRegionList().filter((r) => r.level === 'county');
  const lines = ['地区代码,年份,教育支出（万元）'];
  for (let y = 2005; y <= 2024; y++) for (const [i, c] of counties.entries()) lines.push(`${c.code},${y},${1000 + (i % 97) * 7 + y}`);
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

function emptyDb(name: string): string {
  const file = join(dir, name);
  openDatabase(file).db.close();
  return file;
}

const datasetsOf = (dbFile: string) => {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare('SELECT id FROM dataset WHERE synthetic = 0').all().length;
  } finally {
    db.close();
  }
};

describe('concurrent imports of one file', () => {
  it('three imports in one process (one connection each, as the engine does) give one dataset', async () => {
    const file = writeFile('same-in-process.csv');
    const dbFile = emptyDb('in-process.sqlite');
    const connections = [0, 1, 2].map(() => {
      const c = new Database(dbFile);
      configureConnection(c);
      return c;
    });
    const outcomes = await Promise.all(connections.map((db) => runImport(file, ImportRequest.parse({ kind: 'expenditure', basis: 'mof_205' }), { db, regions: createRegionDirectory(db), backup: false })));
    for (const c of connections) c.close();
    expect(outcomes.map((o) => o.status).sort()).toEqual(['committed', 'unchanged', 'unchanged']);
    const ids = new Set(outcomes.map((o) => o.datasetId));
    expect(ids.size).toBe(1);
    expect(datasetsOf(dbFile)).toBe(1);
  });

  it('three `wb import` processes at once give one dataset, and every one exits 0 naming it', async () => {
    const file = writeFile('same-processes.csv');
    const dbFile = emptyDb('processes.sqlite');
    const runOne = () =>
      new Promise<{ rc: number; out: string; err: string }>((done) => {
        const child = spawn('npx', ['tsx', 'cli/wb.ts', '--db', dbFile, 'import', file, '--kind', 'expenditure', '--basis', 'mof_205'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (b: Buffer) => (out += b.toString()));
        child.stderr.on('data', (b: Buffer) => (err += b.toString()));
        child.on('close', (rc) => done({ rc: rc ?? -1, out, err }));
      });
    const results = await Promise.all([runOne(), runOne(), runOne()]);
    for (const r of results) expect(r.rc, r.err).toBe(0);
    const lastLines = results.map((r) => r.out.trimEnd().split('\n').pop());
    expect(new Set(lastLines).size).toBe(1);
    expect(datasetsOf(dbFile)).toBe(1);
  });
});
