// `wb import` on a county panel with one county keyed 1,000× too large: exit 2 and nothing written
// until --confirm; with it, committed and the warning still printed. (The case where a province's
// education spending went 342 bn → 1,210 bn without a word.)
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/wb';
import { openDatabase } from '../../db/open';
import { FILES_DIR } from '../fixtures/bad/manifest';
import { fileSha256 } from '../support/hash';
import { tempDir } from '../support/temp';

const dir = tempDir('wb-plausible-');

async function wb(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('plausibility warnings must be confirmed', () => {
  it('refuses the 1,000× county without --confirm (exit 2, database unchanged) and commits it with --confirm', async () => {
    const db = join(dir, 'w.sqlite');
    openDatabase(db).db.close();
    const file = join(FILES_DIR, 'county-1000x.csv');
    const before = fileSha256(db);
    const refused = await wb('--db', db, 'import', file, '--kind', 'expenditure', '--basis', 'mof_205');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('confirmation_required');
    expect(refused.err).toContain('--confirm');
    expect(refused.err).toMatch(/value_implausible\].*第 702 行.*232761/);
    expect(fileSha256(db)).toBe(before);
    const dry = await wb('--db', db, 'import', file, '--kind', 'expenditure', '--basis', 'mof_205', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.err).toContain('value_implausible');
    const confirmed = await wb('--db', db, 'import', file, '--kind', 'expenditure', '--basis', 'mof_205', '--confirm');
    expect(confirmed.code, confirmed.err).toBe(0);
    expect(confirmed.err).toContain('value_implausible');
    expect(confirmed.out).toContain('12091');
  });
});
