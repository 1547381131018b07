// wb basis show|set|explain — the data basis (数据基础): which dataset feeds each input for each
// region and year, the stored overrides, and where datasets overlap (same, rounding, conflict).
import type Database from 'better-sqlite3';
import { basisOverlaps } from '../../db/repos/basis-overlaps';
import { readOverrides, resolveBasis, STAGE_ZH, writeOverrides, yearRanges, type BasisInput, type BasisOverride, type Scope } from '../../db/repos/basis';
import { CodedError } from '../../core/result';
import { oneOf, optionalInt, parse } from '../args';
import { openForCli } from '../database';
import { EXIT, UsageError, type CliIO } from '../io';
import { renderJson, renderTable } from '../output';

export const basisHelp = `wb basis show [--scope consolidated|own_level] [--dataset ID …] [--format table|json]
wb basis set --input expenditure|enrolment|bulletin|fiscal:INDICATOR --dataset ID [--exclude] [--region CODE] [--from Y] [--to Y] [--scope S] [--note TEXT]
wb basis set --clear
wb basis explain [--region CODE] [--year Y] [--scope S] [--format table|json]
  The data basis: per input, region and year the dataset read (rule: the user's overrides, then
  release stage 决算/年鉴 > 公告 > 快报, then the newest). set stores an override (audited); explain
  lists where datasets overlap, cell by cell: same, rounding difference or conflict.`;

const VERDICT_ZH = { same: '相同', rounding: '舍入差异', conflict: '冲突' } as const;

function datasetIds(v: unknown): number[] {
  const list = v === undefined ? [] : Array.isArray(v) ? (v as string[]) : [String(v)];
  return list.map((s) => {
    if (!/^[1-9]\d*$/.test(s)) throw new UsageError(`--dataset 应为数据集编号（正整数），得到 "${s}" / --dataset must be a dataset id`);
    return Number(s);
  });
}

function regionOption(v: unknown): string | null {
  if (v === undefined) return null;
  const s = String(v);
  if (!/^\d{6}$/.test(s)) throw new UsageError(`--region 应为六位行政区划代码，得到 "${s}" / --region must be a six-digit code`);
  return s;
}

function asUsage<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof CodedError && e.code === 'bad_input') throw new UsageError(e.message);
    throw e;
  }
}

export function basisCommand(argv: string[], io: CliIO, dbOption: string | undefined): number {
  const [sub, ...rest] = argv;
  if (sub !== 'show' && sub !== 'set' && sub !== 'explain') throw new UsageError(`wb basis show|set|explain; got "${sub ?? ''}"`);
  const { values } = parse(rest, {
    scope: { type: 'string' },
    dataset: { type: 'string', multiple: true },
    format: { type: 'string' },
    input: { type: 'string' },
    exclude: { type: 'boolean' },
    region: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    year: { type: 'string' },
    note: { type: 'string' },
    clear: { type: 'boolean' },
  });
  const scope = oneOf(values, 'scope', ['consolidated', 'own_level'] as const, 'consolidated') as Scope;
  const format = oneOf(values, 'format', ['table', 'json'] as const, 'table');
  const { db } = openForCli(dbOption, io);
  try {
    if (sub === 'set') return setOverride(db, values, io);
    const basis = asUsage(() => resolveBasis(db, scope, sub === 'show' ? datasetIds(values.dataset) : undefined));
    if (sub === 'show') {
      if (format === 'json') {
        io.out(renderJson({ scope, rule: basis.rule, hash: basis.hash, overrides: basis.overrides, inputs: basis.summary }));
        return EXIT.ok;
      }
      io.out(`数据基础 / data basis (${scope === 'consolidated' ? '全辖' : '本级'}) ${basis.hash}\n规则 / rule: ${basis.rule}\n\n`);
      io.out(
        renderTable(
          ['输入 input', '数据集', '名称', '阶段', '合成', '地区数', '年份'],
          basis.summary.map((s) => [s.input, `#${s.datasetId}`, s.datasetName, STAGE_ZH[s.stage] ?? s.stage, s.synthetic ? '合成数据' : '', s.regions, yearRanges(s.years)]),
          [false, true, false, false, false, true, false],
        ),
      );
      io.out(basis.overrides.length ? `\n覆盖规则 / overrides:\n${basis.overrides.map((o, i) => `  ${i + 1}. ${o.input} ${o.mode === 'prefer' ? '优先' : '排除'} #${o.datasetId} ${o.region ?? '全部地区'} ${o.from ?? '…'}–${o.to ?? '…'}${o.scope ? ` ${o.scope}` : ''}${o.note ? ` （${o.note}）` : ''}`).join('\n')}\n` : '\n无覆盖规则 / no overrides (default rule)\n');
      return EXIT.ok;
    }
    // explain
    const year = optionalInt(values, 'year', 1949, 2100);
    const region = regionOption(values.region);
    const only = { ...(region ? { code: region } : {}), ...(year !== undefined ? { year } : {}) };
    const { cells, summary } = basisOverlaps(db, basis, only);
    const detail = region !== null || year !== undefined ? cells : cells.filter((c) => c.verdict !== 'same');
    if (format === 'json') {
      io.out(renderJson({ hash: basis.hash, rule: basis.rule, summary, cells: detail }));
      return EXIT.ok;
    }
    io.out(`数据基础 / data basis ${basis.hash.slice(0, 12)}；规则 / rule: ${basis.rule}\n`);
    if (summary.length === 0) {
      io.out('没有重叠的数据集 / no datasets overlap\n');
      return EXIT.ok;
    }
    io.out(
      renderTable(
        ['输入 input', '采用', '另一数据集', '重叠地区年份', '相同', '舍入差异', '冲突'],
        summary.map((s) => [s.input, `#${s.usedId}`, `#${s.otherId}`, s.regionYears, s.same, s.rounding, s.conflict]),
        [false, true, true, true, true, true, true],
      ),
    );
    if (detail.length) {
      io.out('\n');
      io.out(renderTable(['输入', '地区', '年份', '项', '采用', '值', '另一', '值', '判断'], detail.map((c) => [c.input, c.code, c.year, c.key, `#${c.used.datasetId}`, c.used.value, `#${c.other.datasetId}`, c.other.value, VERDICT_ZH[c.verdict]]), [false, false, true, false, true, true, true, true, false]));
    }
    return EXIT.ok;
  } finally {
    db.close();
  }
}

function setOverride(db: Database.Database, values: Record<string, unknown>, io: CliIO): number {
  if (values.clear === true) {
    writeOverrides(db, []);
    io.out('已清除全部覆盖规则，恢复默认规则 / overrides cleared, default rule\n');
    return EXIT.ok;
  }
  const input = values.input;
  if (typeof input !== 'string' || !/^(expenditure|enrolment|bulletin|fiscal:[a-z_]+)$/.test(input)) throw new UsageError('--input 应为 expenditure|enrolment|bulletin|fiscal:INDICATOR / --input is required');
  const ids = datasetIds(values.dataset);
  if (ids.length !== 1) throw new UsageError('--dataset 需要一个数据集编号 / give exactly one --dataset ID');
  const id = ids[0]!;
  const kind = db.prepare('SELECT kind FROM dataset WHERE id = ?').pluck().get(id) as string | undefined;
  if (kind === undefined) throw new UsageError(`数据集 ${id} 不存在 / dataset ${id} does not exist`);
  const wantKind = input.startsWith('fiscal:') ? 'fiscal' : input;
  if (kind !== wantKind) throw new UsageError(`数据集 ${id} 的类型是 ${kind}，不能用于 ${input} / dataset ${id} is ${kind}, not ${wantKind}`);
  const from = optionalInt(values, 'from', 1949, 2100) ?? null;
  const to = optionalInt(values, 'to', 1949, 2100) ?? null;
  if (from !== null && to !== null && from > to) throw new UsageError(`--from ${from} 晚于 --to ${to} / --from is after --to`);
  const scope = values.scope === undefined ? null : (oneOf(values, 'scope', ['consolidated', 'own_level'] as const, 'consolidated') as Scope);
  const o: BasisOverride = { input: input as BasisInput, scope, region: regionOption(values.region), from, to, datasetId: id, mode: values.exclude === true ? 'exclude' : 'prefer', note: typeof values.note === 'string' ? values.note : null };
  const before = resolveBasis(db, scope ?? 'consolidated');
  db.transaction(() => writeOverrides(db, [...readOverrides(db), o]))();
  const after = resolveBasis(db, scope ?? 'consolidated');
  io.out(`已保存覆盖规则 / override stored: ${o.input} ${o.mode === 'prefer' ? '优先' : '排除'} #${id}\n数据基础 / data basis ${before.hash.slice(0, 12)} → ${after.hash.slice(0, 12)}\n`);
  return EXIT.ok;
}
