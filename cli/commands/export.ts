// wb export --dataset ID --format xlsx|csv|arrow --out FILE
import { exportDataset } from '../../db/export/dataset-export';
import { oneOf, optionalInt, parse, requireString } from '../args';
import { openForCli } from '../database';
import { EXIT, UsageError, type CliIO } from '../io';
import { cliOutput, writeCliOutput } from '../output-file';

export const exportHelp = `wb export --dataset ID --format xlsx|csv|arrow --out FILE [--force]
  Write a whole dataset with its provenance (CSV is UTF-8 with BOM; Arrow keeps amounts as Int64 分).`;

export async function exportCommand(argv: string[], io: CliIO, dbOption: string | undefined): Promise<number> {
  const { values } = parse(argv, { dataset: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } });
  const id = optionalInt(values, 'dataset', 1, Number.MAX_SAFE_INTEGER);
  if (id === undefined) throw new UsageError('--dataset is required (see `wb info` for ids)');
  const format = oneOf(values, 'format', ['xlsx', 'csv', 'arrow'] as const, 'xlsx');
  const out = requireString(values, 'out', 'the file to write');
  const output = cliOutput(out, values.force === true, dbOption);
  const { db } = openForCli(dbOption, io);
  try {
    const bytes = await exportDataset(db, id, format);
    writeCliOutput(output, bytes);
    io.out(`${out}: dataset #${id} as ${format}, ${bytes.length} bytes\n`);
    return EXIT.ok;
  } finally {
    db.close();
  }
}
