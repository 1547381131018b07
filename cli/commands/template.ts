// wb template --kind K --out FILE
import { IMPORT_KINDS } from '../../core/import/kinds';
import { importTemplate } from '../../db/export/template';
import { oneOf, parse, requireString } from '../args';
import { EXIT, UsageError, type CliIO } from '../io';
import { cliOutput, writeCliOutput } from '../output-file';

export const templateHelp = `wb template --kind ${IMPORT_KINDS.join('|')} --out FILE.xlsx [--force]
  Write an import template with an example row and field notes in Chinese.`;

export async function templateCommand(argv: string[], io: CliIO, dbOption?: string): Promise<number> {
  const { values } = parse(argv, { kind: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } });
  if (values.kind === undefined) throw new UsageError(`--kind is required: one of ${IMPORT_KINDS.join('|')}`);
  const kind = oneOf(values, 'kind', IMPORT_KINDS, 'expenditure');
  const out = requireString(values, 'out', 'the .xlsx file to write');
  const output = cliOutput(out, values.force === true, dbOption);
  writeCliOutput(output, await importTemplate(kind));
  io.out(`${out}: ${kind} import template\n`);
  return EXIT.ok;
}
