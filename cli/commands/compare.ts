// wb compare --a ID --b ID [--format table|json]: two datasets of the same kind, cell by cell.
import { compareDatasets } from '../../db/import/compare';
import { DATASET_KIND_TO_IMPORT, FACT_TABLES } from '../../db/import/fact-tables';
import { getDataset } from '../../db/repos/datasets';
import { oneOf, optionalInt, parse } from '../args';
import { openForCli } from '../database';
import { EXIT, UsageError, type CliIO } from '../io';
import { renderJson, renderTable } from '../output';

export const compareHelp = `wb compare --a ID --b ID [--limit N] [--format table|json]
  Compare two datasets of the same kind cell by cell (changed, only in A, only in B).`;

export function compareCommand(argv: string[], io: CliIO, dbOption: string | undefined): number {
  const { values } = parse(argv, { a: { type: 'string' }, b: { type: 'string' }, limit: { type: 'string' }, format: { type: 'string' } });
  const a = optionalInt(values, 'a', 1, Number.MAX_SAFE_INTEGER);
  const b = optionalInt(values, 'b', 1, Number.MAX_SAFE_INTEGER);
  if (a === undefined || b === undefined) throw new UsageError('--a and --b are required dataset ids');
  const limit = optionalInt(values, 'limit', 1, 1_000_000) ?? 200;
  const format = oneOf(values, 'format', ['table', 'json'] as const, 'table');
  const { db } = openForCli(dbOption, io);
  try {
    const da = getDataset(db, a);
    const dbb = getDataset(db, b);
    if (!da || !dbb) throw new UsageError(`dataset #${!da ? a : b} does not exist`);
    const kind = DATASET_KIND_TO_IMPORT[da.kind];
    if (!kind || da.kind !== dbb.kind) throw new UsageError(`datasets #${a} (${da.kind}) and #${b} (${dbb.kind}) cannot be compared: both must hold the same kind of facts`);
    const c = compareDatasets(db, FACT_TABLES[kind], a, b, limit);
    if (format === 'json') io.out(renderJson({ a, b, ...c }));
    else {
      io.out(`#${a} → #${b}: ${c.same} same, ${c.changed} changed, ${c.added} only in #${b}, ${c.removed} only in #${a} (stored units: 分 / persons)\n`);
      if (c.cells.length) io.out(renderTable(['region', 'year', 'key', `#${a}`, `#${b}`], c.cells.map((x) => [x.regionCode, x.year, x.key, x.before, x.after]), [false, false, false, true, true]));
    }
    return EXIT.ok;
  } finally {
    db.close();
  }
}
