// Hidden sheets, hidden rows, cached formulas and external links are seen by both .xlsx readers:
// the in-memory one (small files) and the streamed one (files over 10 MB, here called directly).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILES_DIR } from '../../../test/fixtures/bad/manifest';
import { openSource } from './open';
import { openXlsxStream } from './xlsx-stream';

const CASES: [string, { hiddenSheets: string[]; flags: unknown[] }][] = [
  ['hidden-rows.xlsx', { hiddenSheets: [], flags: [{ row: 3, col: -1, kind: 'hidden_row' }] }],
  ['formula-cached.xlsx', { hiddenSheets: [], flags: [{ row: 3, col: 2, kind: 'formula' }] }],
  ['external-link.xlsx', { hiddenSheets: [], flags: [{ row: 4, col: 2, kind: 'external_link' }] }],
  ['hidden-first-sheet.xlsx', { hiddenSheets: ['旧稿'], flags: [] }],
];

describe('what a workbook hides, in both readers', () => {
  for (const [file, want] of CASES) {
    it(`${file}: in memory`, async () => {
      const src = await openSource(join(FILES_DIR, file));
      expect(src.hiddenSheets).toEqual(want.hiddenSheets);
      expect(await src.flags(src.sheets[src.sheets.length - 1]!)).toEqual(want.flags);
      await src.close();
    });
    it(`${file}: streamed`, async () => {
      const path = join(FILES_DIR, file);
      const st = statSync(path);
      const src = await openXlsxStream({ path, fileName: file, size: st.size, mtimeMs: st.mtimeMs, signal: undefined }, 'x'.repeat(64));
      expect(src.hiddenSheets).toEqual(want.hiddenSheets);
      expect(await src.flags(src.sheets[src.sheets.length - 1]!)).toEqual(want.flags);
      await src.close();
    });
  }
});
