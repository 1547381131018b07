// wb init --out FILE: a new, empty workspace — reference data only (regions, levels, 205 codes,
// standards), no demo. Real data go in with `wb import`.
import { existsSync } from 'node:fs';
import { openDatabase } from '../../db/open';
import { writeReferenceData } from '../../db/workspace/reference';
import { parse, requireString } from '../args';
import { EXIT, UsageError, type CliIO } from '../io';

export const initHelp = `wb init --out FILE
  Create a new, empty workspace: reference data only (GB/T 2260 regions, levels, 205 codes,
  funding standards), no demo data. Then: wb --db FILE import …`;

export function initCommand(argv: string[], io: CliIO): number {
  const { values } = parse(argv, { out: { type: 'string' } });
  const out = requireString(values, 'out', 'the new database file to write');
  if (existsSync(out)) throw new UsageError(`${out} already exists; choose a new file name (init never overwrites a database)`);
  const opened = openDatabase(out);
  try {
    const n = writeReferenceData(opened.db);
    io.out(`${out}: empty workspace, ${n.regions} regions, ${n.levels} levels, ${n.functionCodes} function codes, ${n.standards} funding standards, no datasets\n`);
    io.out(`next: wb --db ${out} import FILE --kind expenditure|enrolment|capacity|bulletin …\n`);
  } finally {
    opened.db.close();
  }
  return EXIT.ok;
}
