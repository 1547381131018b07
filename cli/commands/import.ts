// wb import FILE --kind K [options]: the same pipeline as the app's import wizard.
// Success: a summary on stdout whose last line is the dataset id. Refusal: problems on stderr, exit 2.
import { describeImpact } from '../../core/basis/impact';
import { existsSync } from 'node:fs';
import { IMPORT_KINDS } from '../../core/import/kinds';
import { describeProblem } from '../../core/import/problems';
import { ImportRequest, type ImportOutcome } from '../../core/import/request';
import { createRegionDirectory } from '../../db/import/region-directory';
import { runImport } from '../../db/import/run';
import { oneOf, parse } from '../args';
import { openForCli } from '../database';
import { EXIT, UsageError, type CliIO } from '../io';
import { renderJson, renderTable } from '../output';

export const importHelp = `wb import FILE --kind expenditure|enrolment|capacity|standard|regions|region-changes|bulletin
          [--sheet NAME] [--unit 元|万元|亿元|人|万人] [--map FIELD=COLUMN …] [--where COLUMN=VALUE …]
          [--dataset NAME] [--basis moe_edu_funds|mof_205] [--scope consolidated|own_level]
          [--stage flash|bulletin|yearbook|final_accounts|budget|other] [--encoding auto|utf-8|gb18030]
          [--password P] [--control [FIELD:]YEAR=VALUE …] [--confirm] [--dry-run] [--format text|json]
  Import an Excel/CSV file as a new dataset (all rows or none). FIELD=COLUMN maps a field to a column by
  its header text, letter or #N; FIELD==VALUE sets a constant (e.g. level==primary, year==2019);
  FIELD=@years takes every year column of a wide table. --dry-run previews without writing. --confirm
  imports despite warnings that need confirmation (values far off their prior year or peers, hidden content).`;

function summary(o: ImportOutcome): string {
  const lines: string[] = [];
  if (o.file) lines.push(`文件 / file: ${o.file.name}${o.file.sheet ? ` [${o.file.sheet}]` : ''} · ${o.file.format}${o.file.encoding ? ` ${o.file.encoding}` : ''} · SHA-256 ${o.file.sha256.slice(0, 16)}…`);
  if (o.mapping) {
    const m = o.mapping;
    const fields = Object.entries(m.fields).map(([k, v]) => `${k}=${'column' in v ? `「${m.columns[v.column] ?? v.column}」` : `=${v.constant}`}`);
    const values = m.values.map((v) => `${v.field}${v.year ? `@${v.year}` : ''}${v.level ? `/${v.level}` : ''}=「${m.columns[v.column] ?? v.column}」${v.unit ? `(${v.unit})` : ''}`);
    lines.push(`映射 / mapping (${o.mappingSource}): ${[...fields, ...values.slice(0, 6), values.length > 6 ? `… ${values.length} value columns` : ''].filter(Boolean).join(', ')}${m.filters.length ? `; where ${m.filters.map((f) => `「${m.columns[f.column]}」=${f.equals}`).join(', ')}` : ''}`);
  }
  for (const n of o.notes) lines.push(`说明 / note: ${n}`);
  lines.push(`读取 ${o.rowsRead} 行，${o.factCount} 个数值 / ${o.rowsRead} rows read, ${o.factCount} values`);
  if (o.preview.totalsByYear.length) {
    lines.push('各年合计 / totals per year:');
    lines.push(renderTable(['year', 'field', 'total', 'unit', 'values'], o.preview.totalsByYear.map((t) => [t.year, t.field, t.total, t.storedUnit, t.facts]), [false, false, true, false, true]).trimEnd());
  }
  for (const r of o.reconciliation) lines.push(`核对 / control ${r.label} ${r.year ?? ''} ${r.field}: 合计 ${r.expected} 分项之和 ${r.actual} 差 ${r.difference} ${r.storedUnit} ${r.ok ? '✓' : '✗'}`);
  if (o.changes) lines.push(`与上一版本 #${o.changes.previousId} 相比 / vs previous version: ${o.changes.changed} 改动, ${o.changes.added} 新增, ${o.changes.removed} 删除`);
  if (o.changes) for (const c of o.changes.cells.slice(0, 20)) lines.push(`  ${c.regionCode} ${c.year} ${c.key}: ${c.before ?? '—'} → ${c.after ?? '—'}`);
  if (o.basisImpact) for (const l of describeImpact(o.basisImpact)) lines.push(`数据基础 / data basis: ${l}`);
  return lines.join('\n') + '\n';
}

export async function importCommand(argv: string[], io: CliIO, dbOption: string | undefined): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      kind: { type: 'string' }, sheet: { type: 'string' }, unit: { type: 'string' }, map: { type: 'string', multiple: true }, where: { type: 'string', multiple: true },
      dataset: { type: 'string' }, basis: { type: 'string' }, scope: { type: 'string' }, stage: { type: 'string' }, encoding: { type: 'string' }, password: { type: 'string' },
      control: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean' }, confirm: { type: 'boolean' }, format: { type: 'string' },
    },
    true,
  );
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('give exactly one FILE to import');
  if (!existsSync(file)) throw new UsageError(`file not found: ${file}`);
  const kind = oneOf(values, 'kind', IMPORT_KINDS, 'expenditure');
  if (values.kind === undefined) throw new UsageError(`--kind is required: one of ${IMPORT_KINDS.join('|')}`);
  const format = oneOf(values, 'format', ['text', 'json'] as const, 'text');
  const raw = values as Record<string, unknown>;
  const parsed = ImportRequest.safeParse({
    kind,
    sheet: raw.sheet, unit: raw.unit, map: raw.map ?? [], where: raw.where ?? [], datasetName: raw.dataset, basis: raw.basis, scope: raw.scope, stage: raw.stage,
    encoding: raw.encoding ?? 'auto', password: raw.password, controls: raw.control ?? [], confirm: values.confirm === true,
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${String(i.path[0] ?? '')}: ${i.message}`).join('; '));

  // An import waits for another writer (the app, or another import) rather than opening read-only,
  // unless it is only a dry run.
  const dryRun = values['dry-run'] === true;
  const { db } = openForCli(dbOption, io, dryRun ? {} : { lockWaitMs: 120_000, mustWrite: true });
  try {
    const outcome = await runImport(file, parsed.data, { db, regions: createRegionDirectory(db), dryRun });
    if (format === 'json') io.out(renderJson(outcome));
    else io.out(summary(outcome));
    const problems = outcome.problems.map(describeProblem);
    switch (outcome.status) {
      case 'refused':
        io.err(`未导入，数据库未作任何更改 / not imported; the database is unchanged. ${outcome.problemCount} problem(s):\n${problems.join('\n')}\n`);
        return EXIT.badInput;
      case 'committed':
        if (problems.length) io.err(problems.join('\n') + '\n');
        if (format === 'text') io.out(`已导入为数据集 #${outcome.datasetId}${outcome.supersedes ? `（取代 #${outcome.supersedes}）` : ''} / imported as dataset\n${outcome.datasetId}\n`);
        return EXIT.ok;
      case 'unchanged':
        if (format === 'text') io.out(`${outcome.datasetId}\n`);
        return EXIT.ok;
      case 'previewed':
        if (problems.length) io.err(problems.join('\n') + '\n');
        if (format === 'text') io.out('预览完毕，未写入 / dry run: nothing written\n');
        return EXIT.ok;
      case 'cancelled':
        return EXIT.badInput;
    }
  } finally {
    db.close();
  }
}
