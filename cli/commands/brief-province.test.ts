// A province's own 基准定额 (imported as a funding-standard dataset, through `wb import`) is data,
// not law: the brief states the province's figure where it has one and says it is the province's
// own standard; a level without one keeps the law store's national figure and its citation.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../core/demo/generate';
import { lawAt, yearStart } from '../../core/law';
import { run } from '../wb';
import { writeDemo } from '../../db/demo/write-demo';
import { openDatabase } from '../../db/open';
import { tempDir } from '../../test/support/temp';
import { composeBrief } from '../../db/brief/render';

const dir = tempDir('wb-brief-province-');
const file = join(dir, 'demo.sqlite');

beforeAll(async () => {
  const opened = openDatabase(file);
  writeDemo(opened.db, generateDemo({ scale: 'province' }));
  opened.db.close();
  const csv = join(dir, '本省基准定额.csv');
  writeFileSync(csv, '学段,项目,适用地区,标准（元）,起始日期,终止日期,依据,来源网址\n小学,public_funds_base,390000,800,2024-01-01,,示范省 2024年 小学生均公用经费标准,\n');
  let err = '';
  const rc = await run(['--db', file, 'import', csv, '--kind', 'standard'], { out: () => {}, err: (t) => (err += t) });
  expect(err).toBe('');
  expect(rc).toBe(0);
});

describe('a brief with the province’s own standard', () => {
  it('states 800 元 for primary as the province’s standard, and the store’s junior figure with its citation', () => {
    const { db } = openDatabase(file);
    const b = composeBrief(db, { regionCode: '390000', year: 2024, appVersion: 'test', sections: ['per_student'], lang: 'zh', now: new Date('2026-01-01T00:00:00Z') });
    db.close();
    const blocks = b.sections[0]!.blocks;
    const text = blocks.flatMap((x) => (x.type === 'paragraph' ? [x.text] : [])).join('');
    const t1 = blocks.flatMap((x) => (x.type === 'table' ? [x.table] : []))[0]!;
    const junior = lawAt('standard.public_funds_base.junior.national', yearStart(2024))!;
    expect(text).toContain('（生均公用经费基准定额800元）');
    expect(text).toContain(`（生均公用经费基准定额${junior.value / 100}元）`);
    expect(t1.note).toContain(`${junior.reference.document} ${junior.reference.article}`);
    expect(t1.note).toContain('本省标准（导入的经费标准数据）');
  });
});
