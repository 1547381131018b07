import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderLawDoc } from './doc';

describe('docs/law.md', () => {
  it('is what the store generates (run `npx tsx scripts/law-doc.ts` after changing core/law)', () => {
    const onDisk = readFileSync(join(import.meta.dirname, '../../docs/law.md'), 'utf8');
    expect(onDisk).toBe(renderLawDoc());
  });
});
