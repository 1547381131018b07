// Issue #16.7: a row numbered past a worksheet's last row (1,048,576) is refused by the readers'
// shared numbering before any empty row is made up for the gap (the streamed path relies on it).
import { describe, expect, it } from 'vitest';
import { ReaderError } from './errors';
import { consecutive, MAX_SHEET_ROWS } from './sheet';

async function drain(rows: { n: number; cells: string[] }[]): Promise<number> {
  let count = 0;
  for await (const _ of consecutive(rows, { file: 'bomb.xlsx', sheet: '数据' })) count++;
  return count;
}

describe('consecutive row numbering and the sheet limit', () => {
  it('fills gaps up to the last row of a sheet', async () => {
    expect(await drain([{ n: 1, cells: ['a'] }, { n: MAX_SHEET_ROWS, cells: ['b'] }])).toBe(MAX_SHEET_ROWS);
  });
  it.each([MAX_SHEET_ROWS + 1, 99_999_999, 2 ** 32 + 1])('refuses row %i naming the file, sheet, row and limit', async (n) => {
    const e = await drain([{ n: 1, cells: ['a'] }, { n, cells: ['x'] }]).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(ReaderError);
    expect((e as ReaderError).problem).toMatchObject({ code: 'file_unreadable', file: 'bomb.xlsx', sheet: '数据', row: n });
    expect((e as ReaderError).message).toContain('1,048,576');
  });
});
