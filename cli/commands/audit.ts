// wb audit verify | export | list: check the hash chain and the tables against it, write the log
// to .xlsx/.csv, or show recent entries.
import { auditTable } from '../../db/audit/export';
import { listAudit } from '../../db/audit/log';
import { verifyAudit } from '../../db/audit/verify';
import { tableToCsv, tableToXlsx } from '../../db/export/table-file';
import { oneOf, optionalInt, parse, requireString } from '../args';
import { openForCli } from '../database';
import { EXIT, UsageError, type CliIO } from '../io';
import { cliOutput, writeCliOutput, type CliOutput } from '../output-file';
import { renderJson, renderTable } from '../output';

export const auditHelp = `wb audit verify [--format table|json]
  Check the audit log's hash chain and that the tables still hold what it says. Exit 1 when it
  does not, naming the first bad entry.
wb audit export --out FILE.xlsx|FILE.csv [--force] [--entity TABLE] [--id ID]
  Write the audit log (every field and hash) to a spreadsheet.
wb audit list [--entity TABLE] [--id ID] [--limit N] [--format table|json]
  The newest entries (default 20).`;

export async function auditCommand(argv: string[], io: CliIO, dbOption: string | undefined): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'verify' && sub !== 'export' && sub !== 'list') throw new UsageError(`wb audit needs verify, export or list, got "${sub ?? ''}"`);
  const { values } = parse(rest, { format: { type: 'string' }, out: { type: 'string' }, entity: { type: 'string' }, id: { type: 'string' }, limit: { type: 'string' }, force: { type: 'boolean' } });
  let output: CliOutput | undefined;
  if (sub === 'export') {
    const out = requireString(values, 'out', 'the file to write, .xlsx or .csv');
    if (!/\.(xlsx|csv)$/i.test(out)) throw new UsageError(`--out must end in .xlsx or .csv, got "${out}"`);
    output = cliOutput(out, values.force === true, dbOption);
  }
  const { db } = openForCli(dbOption, io);
  try {
    if (sub === 'verify') {
      const format = oneOf(values, 'format', ['table', 'json'] as const, 'table');
      const report = verifyAudit(db);
      if (format === 'json') io.out(renderJson(report));
      else {
        io.out(`${report.entries} entries; head #${report.headSeq} ${report.headHash}\n`);
        if (report.firstBad) io.out(`TAMPERED: entry #${report.firstBad.seq} — ${report.firstBad.reason}\n`);
        for (const p of report.state) io.out(`CHANGED OUTSIDE THE LOG: ${p.entity} ${p.entityId} — ${p.reason}\n`);
        if (report.ok) io.out('审计日志完整，数据与日志一致 / the audit log is intact and the tables match it\n');
      }
      return report.ok ? EXIT.ok : EXIT.failures;
    }
    const filter = { ...(typeof values.entity === 'string' ? { entity: values.entity } : {}), ...(typeof values.id === 'string' ? { entityId: values.id } : {}) };
    if (sub === 'export' && output) {
      const out = output.path;
      const xlsx = /\.xlsx$/i.test(out);
      const table = auditTable(db, filter, { forXlsx: xlsx });
      writeCliOutput(output, xlsx ? await tableToXlsx(table) : tableToCsv(table));
      io.err(`wrote ${table.rows.length} entries to ${out}\n`);
      return EXIT.ok;
    }
    const format = oneOf(values, 'format', ['table', 'json'] as const, 'table');
    const entries = listAudit(db, { ...filter, order: 'newest', limit: optionalInt(values, 'limit', 1, 1_000_000) ?? 20 });
    if (format === 'json') io.out(renderJson(entries));
    else io.out(renderTable(['seq', 'at', 'actor', 'action', 'entity', 'id', 'hash'], entries.map((e) => [e.seq, e.at, e.actor, e.action, e.entity, e.entityId, e.hash.slice(0, 12)]), [true]));
    return EXIT.ok;
  } finally {
    db.close();
  }
}
