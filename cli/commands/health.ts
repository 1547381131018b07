// wb health — 数据体检: coverage of the data basis (regions × years × inputs), what each rule shows
// as N/A and why, overlaps with rounding differences and conflicts. Exportable as JSON or CSV.
import { CodedError } from '../../core/result';
import type { GovLevel } from '../../core/compliance/types';
import { healthReport } from '../../db/repos/basis-health';
import { oneOf, optionalInt, parse } from '../args';
import { openForCli } from '../database';
import { EXIT, UsageError, type CliIO } from '../io';
import { renderCsv, renderJson, renderTable } from '../output';

export const healthHelp = `wb health [--level province|prefecture|county] [--year Y | --from Y --to Y] [--region CODE] [--scope consolidated|own_level] [--format table|csv|json]
  数据体检: per input of the data basis, the region-years covered and the regions with gaps; what each
  rule would show as N/A and why; overlapping datasets (same, rounding difference, conflict).`;

export function healthCommand(argv: string[], io: CliIO, dbOption: string | undefined): number {
  const { values } = parse(argv, { level: { type: 'string' }, year: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, region: { type: 'string' }, scope: { type: 'string' }, format: { type: 'string' } });
  const govLevel = oneOf(values, 'level', ['province', 'prefecture', 'county'] as const, 'province') as GovLevel;
  const scope = oneOf(values, 'scope', ['consolidated', 'own_level'] as const, 'consolidated');
  const format = oneOf(values, 'format', ['table', 'csv', 'json'] as const, 'table');
  const year = optionalInt(values, 'year', 1949, 2100);
  const from = year ?? optionalInt(values, 'from', 1949, 2100);
  const to = year ?? optionalInt(values, 'to', 1949, 2100);
  const region = values.region as string | undefined;
  if (region !== undefined && !/^\d{6}$/.test(region)) throw new UsageError(`--region 应为六位代码，得到 "${region}" / --region must be a six-digit code`);
  const { db } = openForCli(dbOption, io);
  try {
    let h;
    try {
      h = healthReport(db, { scope, govLevel, from, to, underRegion: region });
    } catch (e) {
      if (e instanceof CodedError && e.code === 'bad_input') throw new UsageError(e.message);
      throw e;
    }
    if (format === 'json') {
      io.out(renderJson(h));
      return EXIT.ok;
    }
    if (format === 'csv') {
      const rows = [
        ...h.coverage.map((c) => ['coverage', c.input, '', `${c.covered}/${c.total}`, c.gaps.map((g) => `${g.name}(${g.code}) ${g.missingYears}`).join('; ')]),
        ...h.na.map((n) => ['na', n.rule, n.reason, n.count, '']),
        ...h.overlaps.map((o) => ['overlap', o.input, `#${o.usedId} vs #${o.otherId}`, o.regionYears, `same ${o.same}; rounding ${o.rounding}; conflict ${o.conflict}`]),
      ];
      io.out(`# ${h.basis.line}\r\n`);
      io.out(renderCsv(['section', 'item', 'detail', 'count', 'note'], rows));
      return EXIT.ok;
    }
    io.out(`数据体检 / data health: ${h.govLevel}, ${h.scope}, ${h.from ?? '—'}–${h.to ?? '—'}, ${h.regions} 个地区 / regions\n${h.basis.line}\n\n`);
    io.out('覆盖 / coverage (地区×年份 / region-years):\n');
    io.out(renderTable(['输入 input', '已覆盖', '应有', '缺口地区（前 5 个）'], h.coverage.map((c) => [c.input, c.covered, c.total, c.gaps.slice(0, 5).map((g) => `${g.name} ${g.missingYears}`).join('；') + (c.gaps.length > 5 ? ` … 共 ${c.gaps.length} 个` : '')]), [false, true, true, false]));
    io.out('\n不适用及原因 / N/A and why:\n');
    io.out(h.na.length ? renderTable(['规则', '原因', '个数'], h.na.map((n) => [n.rule, n.reason, n.count]), [false, false, true]) : '无 / none\n');
    io.out('\n重叠 / overlaps:\n');
    io.out(h.overlaps.length ? renderTable(['输入', '采用', '另一', '地区年份', '相同', '舍入差异', '冲突'], h.overlaps.map((o) => [o.input, `#${o.usedId}`, `#${o.otherId}`, o.regionYears, o.same, o.rounding, o.conflict]), [false, true, true, true, true, true, true]) : '无 / none\n');
    return EXIT.ok;
  } finally {
    db.close();
  }
}
