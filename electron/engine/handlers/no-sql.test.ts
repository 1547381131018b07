// Engine handlers map channels to db/ and core/ functions; SQL lives in db/ (so it is tested and
// reused there, and a schema change is found in one layer).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = import.meta.dirname;

describe('engine handlers', () => {
  it('hold no SQL', () => {
    const offending = readdirSync(DIR)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .filter((f) => /\.prepare\(|\.exec\(|\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b/.test(readFileSync(join(DIR, f), 'utf8')));
    expect(offending).toEqual([]);
  });
});
