// Never exit 3 on input: a coded refusal from db/ (here: a dataset id that does not exist) exits 2
// with its message, not "unexpected error" with a stack trace.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/support/temp';
import { run } from './wb';

async function wb(...argv: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await run(argv, { out: () => {}, err: (t) => (err += t) });
  return { code, err };
}

describe('coded refusals exit 2', () => {
  it('wb export of a dataset that does not exist', async () => {
    const db = join(tempDir(), 'W.sqlite');
    expect((await wb('init', '--out', db)).code).toBe(0);
    const r = await wb('--db', db, 'export', '--dataset', '999', '--format', 'csv', '--out', join(tempDir(), 'x.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('dataset #999 does not exist');
    expect(r.err).not.toMatch(/unexpected|\n\s+at /);
  });
});
