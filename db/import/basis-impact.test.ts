// The import preview says whether committing would change the default data basis: a first
// dataset gains region-years; a newer one of the same stage replaces them, and the compliance
// result whose input changes (北京 2020 falls below 2019) is counted as changed in status. The
// preview writes nothing: no dataset, no basis setting, no audit entry.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeImpact } from '../../core/basis/impact';
import { ImportRequest } from '../../core/import/request';
import { tempDir } from '../../test/support/temp';
import { openDatabase } from '../open';
import { writeReferenceData } from '../workspace/reference';
import { createRegionDirectory } from './region-directory';
import { runImport } from './run';

const dir = tempDir('wb-basis-impact-');
const csv = (name: string, rows: string[]) => {
  const file = join(dir, name);
  writeFileSync(file, ['地区,年份,一般公共预算教育支出（万元）', ...rows].join('\n') + '\n');
  return file;
};

it('says what an import changes in the basis before it is committed, and writes nothing on a preview', async () => {
  const { db } = openDatabase(join(dir, 'own.sqlite'));
  writeReferenceData(db);
  const regions = createRegionDirectory(db);
  const request = (name: string) => ImportRequest.parse({ kind: 'expenditure', stage: 'yearbook', datasetName: name });

  const first = await runImport(csv('a.csv', ['北京市,2019,1000', '天津市,2019,500', '北京市,2020,1100', '天津市,2020,600']), request('a'), { db, regions });
  expect(first.status).toBe('committed');
  expect(first.basisImpact).toMatchObject({ changes: true, inputs: [{ input: 'expenditure', gained: 4, replaced: 0, lost: 0, regions: 2, regionNames: ['北京市', '天津市'], years: [2019, 2020] }] });
  expect(first.basisImpact!.results).toMatchObject({ changed: 0, statusChanged: 0 });

  const counts = () => db.prepare("SELECT (SELECT count(*) FROM dataset) AS datasets, (SELECT count(*) FROM setting WHERE key = 'data_basis') AS settings, (SELECT count(*) FROM audit_log) AS audit").get();
  const held = counts();
  const b = csv('b.csv', ['北京市,2020,900', '天津市,2020,600']);
  const preview = await runImport(b, request('b'), { db, regions, dryRun: true });
  expect(preview.status).toBe('previewed');
  const impact = preview.basisImpact!;
  expect(impact.inputs).toEqual([{ input: 'expenditure', gained: 0, replaced: 2, lost: 0, replacedDatasets: [first.datasetId], regions: 2, regionNames: ['北京市', '天津市'], years: [2020] }]);
  // 北京 2020 now 900 万元 < 1100 in 2019's place: its never-decrease result turns; 天津's figure is the same.
  expect(impact.results).toMatchObject({ changed: 1, statusChanged: 1, added: 0 });
  expect(impact.views).toEqual(['home', 'compliance', 'transfer', 'brief', 'health']);
  expect(describeImpact(impact)[0]).toBe(`expenditure: 替换 2（原数据集 #${first.datasetId}） 个地区年份 / region-years — 北京市、天津市；2020`);
  expect(counts()).toEqual(held);

  // The basis before the preview is the one the views read now (same hash).
  const again = await runImport(b, request('b'), { db, regions });
  expect(again.basisImpact!.hashBefore).toBe(first.basisImpact!.hashAfter);

  // A file that changes nothing in the basis says so.
  const same = await runImport(csv('c.csv', ['北京市,2018,1000']), ImportRequest.parse({ kind: 'expenditure', stage: 'flash', datasetName: 'c' }), { db, regions, dryRun: true });
  expect(same.basisImpact!.changes).toBe(true);
  const older = await runImport(csv('d.csv', ['北京市,2020,950']), ImportRequest.parse({ kind: 'expenditure', stage: 'flash', datasetName: 'd' }), { db, regions, dryRun: true });
  // A 快报 figure for a year the yearbook covers is not read: the basis does not change.
  expect(older.basisImpact).toMatchObject({ changes: false, inputs: [], results: null });
  expect(describeImpact(older.basisImpact!)[0]).toContain('数据基础不变');
  db.close();
});
