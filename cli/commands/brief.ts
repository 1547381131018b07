// wb brief — a budget brief for a region and year (optionally with a stored transfer scenario) as
// PDF, Word or Excel, from the same templates as the app's composer.
import { BRIEF_SECTIONS, type BriefSection } from '../../core/brief/model';
import { CodedError } from '../../core/result';
import { composeBrief, writeBrief } from '../../db/brief/render';
import { oneOf, optionalInt, parse } from '../args';
import { openForCli } from '../database';
import { EXIT, UsageError, type CliIO } from '../io';
import { cliOutput, writeCliOutput } from '../output-file';

export const briefHelp = `wb brief --region CODE [--year Y] [--scenario ID] [--sections ${BRIEF_SECTIONS.join(',')}] [--lang zh|en] --format pdf|docx|xlsx|html --out FILE [--force]
  A budget brief in official style: spending and growth, per-student funding by level, the never-decrease rules
  with annotations, a transfer scenario, an appendix by county; provenance on every page or sheet.`;

export async function briefCommand(argv: string[], io: CliIO, dbOption: string | undefined): Promise<number> {
  const { values } = parse(argv, { region: { type: 'string' }, year: { type: 'string' }, scenario: { type: 'string' }, sections: { type: 'string' }, lang: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } });
  const region = values.region as string | undefined;
  if (!region || !/^\d{6}$/.test(region)) throw new UsageError('--region CODE (six digits) is required');
  if (typeof values.out !== 'string') throw new UsageError('--out FILE is required');
  if (values.format === undefined) throw new UsageError('--format pdf|docx|xlsx|html is required');
  const format = oneOf(values, 'format', ['pdf', 'docx', 'xlsx', 'html'] as const, 'pdf');
  const lang = oneOf(values, 'lang', ['zh', 'en'] as const, 'zh');
  const year = optionalInt(values, 'year', 1949, 2100);
  const scenarioId = values.scenario === undefined ? undefined : Number(values.scenario);
  if (scenarioId !== undefined && !(Number.isInteger(scenarioId) && scenarioId > 0)) throw new UsageError('--scenario must be a scenario id (a positive integer; see the app or `wb simulate`)');
  const sections = (typeof values.sections === 'string' ? values.sections.split(',').map((s) => s.trim()).filter(Boolean) : [...BRIEF_SECTIONS.filter((s) => s !== 'scenario' || scenarioId !== undefined)]) as BriefSection[];
  for (const s of sections) if (!BRIEF_SECTIONS.includes(s)) throw new UsageError(`unknown section "${s}"; sections: ${BRIEF_SECTIONS.join(', ')}`);
  const output = cliOutput(values.out, values.force === true, dbOption);
  const { db } = openForCli(dbOption, io);
  let bytes: Uint8Array;
  try {
    const brief = composeBrief(db, { regionCode: region, year, scenarioId, sections, lang, appVersion: process.env.npm_package_version ?? '0.1.0' });
    bytes = await writeBrief(brief, format);
  } catch (e) {
    if (e instanceof CodedError && (e.code === 'bad_input' || e.code === 'not_found')) throw new UsageError(e.message);
    throw e;
  } finally {
    db.close();
  }
  writeCliOutput(output, bytes);
  io.out(`${values.out}\n`);
  return EXIT.ok;
}
