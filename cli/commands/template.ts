// wb template --kind K --out FILE
import { existsSync, writeFileSync } from 'node:fs';
import { IMPORT_KINDS } from '../../core/import/kinds';
import { importTemplate } from '../../db/export/template';
import { oneOf, parse, requireString } from '../args';
import { EXIT, UsageError, type CliIO } from '../io';

export const templateHelp = `wb template --kind ${IMPORT_KINDS.join('|')} --out FILE.xlsx
  Write an import template with an example row and field notes in Chinese.`;

export async function templateCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parse(argv, { kind: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } });
  if (values.kind === undefined) throw new UsageError(`--kind is required: one of ${IMPORT_KINDS.join('|')}`);
  const kind = oneOf(values, 'kind', IMPORT_KINDS, 'expenditure');
  const out = requireString(values, 'out', 'the .xlsx file to write');
  if (existsSync(out) && values.force !== true) throw new UsageError(`${out} exists; add --force to overwrite`);
  writeFileSync(out, await importTemplate(kind));
  io.out(`${out}: ${kind} import template\n`);
  return EXIT.ok;
}
