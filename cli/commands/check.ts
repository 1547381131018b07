// wb check — the compliance rules (两个只增不减, 三个增长, 4 %, share, standards, pay) over the
// database, the same run as the app's compliance views (db/compliance/check). Exit 1 when any
// rule fails, 0 when none does, 2 on bad input.
import { findingLine, findingsFor } from '../../db/import/findings';
import { isRuleId, RULES } from '../../core/compliance/registry';
import type { ComplianceResult, GovLevel, RuleId } from '../../core/compliance/types';
import { LEVELS } from '../../core/levels';
import { DIVISORS } from '../../core/metrics/divisor';
import { formatRatio, parseDecimal } from '../../core/money/decimal';
import { CodedError } from '../../core/result';
import { runCheck } from '../../db/compliance/check';
import { oneOf, optionalInt, parse } from '../args';
import { openForCli } from '../database';
import { EXIT, UsageError, type CliIO } from '../io';
import { renderCsv, renderJson, renderTable, type Cell } from '../output';

export const checkHelp = `wb check [--rule ID …] [--year Y] [--from Y --to Y] [--level province|prefecture|county|all] [--scope consolidated|own_level|both]
         [--dataset ID …] [--divisor autumn|weighted_8_4|average_two_autumns] [--region CODE] [--failures] [--format table|csv|json]
  Compliance rules for every region of a government level (default: province, 全辖). Rules: ${RULES.map((r) => r.id).join(', ')}.
  Exit 1 when any rule fails, 0 when all pass or are not applicable.`;

const GOV_LEVELS: readonly GovLevel[] = ['province', 'prefecture', 'county'];
const SCOPE_ZH = { consolidated: '全辖', own_level: '本级' } as const;
const STATUS_ZH = { pass: '达标', fail: '未达标', na: '不适用' } as const;

function strings(v: unknown): string[] {
  return v === undefined ? [] : Array.isArray(v) ? (v as string[]) : [String(v)];
}

/** The JSON/CSV record: snake_case keys, exact strings (分 for money). */
export function resultRecord(r: ComplianceResult): Record<string, unknown> {
  return {
    rule: r.rule,
    region_code: r.regionCode,
    region_name: r.regionName,
    region_level: r.regionLevel,
    year: r.year,
    level: r.level,
    scope: r.scope,
    status: r.status,
    value_unit: r.valueUnit,
    value: r.value,
    prior_value: r.priorValue,
    growth: r.growth,
    benchmark: r.benchmark,
    change_pp: r.changePp,
    reason: r.reason,
    flags: r.flags,
    decomposition: r.decomposition,
    annotations: r.annotations.map((a) => ({ text: a.text, author: a.author, created_at: a.createdAt })),
  };
}

/** A value as a person reads it: 元 with 2 decimals for money, the percent as computed. */
function shown(text: string | null, unit: ComplianceResult['valueUnit']): string | null {
  if (text === null || unit === 'percent') return text;
  const p = parseDecimal(text);
  if (!p.ok) return text;
  return formatRatio(p.value, 100n * 10n ** BigInt(p.scale), 2, true);
}

export function checkCommand(argv: string[], io: CliIO, dbOption: string | undefined): number {
  const { values } = parse(argv, {
    rule: { type: 'string', multiple: true },
    year: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    level: { type: 'string' },
    scope: { type: 'string' },
    dataset: { type: 'string', multiple: true },
    divisor: { type: 'string' },
    region: { type: 'string' },
    failures: { type: 'boolean' },
    format: { type: 'string' },
  });
  const rules = strings(values.rule).flatMap((s) => s.split(',')).filter(Boolean);
  for (const r of rules) if (!isRuleId(r)) throw new UsageError(`未知规则 "${r}" / unknown rule "${r}"; rules: ${RULES.map((x) => x.id).join(', ')}`);
  const year = optionalInt(values, 'year', 1949, 2100);
  let from = optionalInt(values, 'from', 1949, 2100);
  let to = optionalInt(values, 'to', 1949, 2100);
  if (year !== undefined && (from !== undefined || to !== undefined)) throw new UsageError('--year 与 --from/--to 不能同时使用 / give --year or --from/--to, not both');
  if (year !== undefined) from = to = year;
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from ${from} 晚于 --to ${to} / --from is after --to`);
  const level = oneOf(values, 'level', [...GOV_LEVELS, 'all'] as const, 'province');
  const scope = oneOf(values, 'scope', ['consolidated', 'own_level', 'both'] as const, 'consolidated');
  const divisor = oneOf(values, 'divisor', DIVISORS, 'autumn');
  const format = oneOf(values, 'format', ['table', 'csv', 'json'] as const, 'table');
  const datasetIds = strings(values.dataset).map((s) => {
    if (!/^[1-9]\d*$/.test(s)) throw new UsageError(`--dataset 应为数据集编号（正整数），得到 "${s}" / --dataset must be a dataset id`);
    return Number(s);
  });
  const region = values.region as string | undefined;
  if (region !== undefined && !/^[1-9]\d{5}$/.test(region)) throw new UsageError(`--region 应为六位行政区划代码，得到 "${region}" / --region must be a six-digit GB/T 2260 code`);

  const { db } = openForCli(dbOption, io);
  try {
    const results: ComplianceResult[] = [];
    const counts = { pass: 0, fail: 0, na: 0 };
    const datasets = new Map<number, string>();
    const perRule = new Map<string, number>();
    const basisLines = new Set<string>();
    for (const govLevel of level === 'all' ? GOV_LEVELS : [level]) {
      for (const s of scope === 'both' ? (['consolidated', 'own_level'] as const) : [scope]) {
        let run;
        try {
          run = runCheck(db, { rules: rules as RuleId[], yearFrom: from, yearTo: to, govLevel, scope: s, datasetIds: datasetIds.length ? datasetIds : undefined, divisor, underRegion: region, onlyFailures: values.failures === true });
        } catch (e) {
          if (e instanceof CodedError && e.code === 'bad_input') throw new UsageError(e.message);
          throw e;
        }
        // One at a time: spreading a national run (~465,000 rows) as arguments overflows the stack.
        for (const r of run.results) results.push(r);
        for (const x of run.summary) {
          for (const k of ['pass', 'fail', 'na'] as const) counts[k] += x[k];
          perRule.set(x.rule, (perRule.get(x.rule) ?? 0) + x.pass + x.fail + x.na);
        }
        if (run.provenance.basis) basisLines.add(`${SCOPE_ZH[s]} ${run.provenance.basis.line}`);
        for (const d of run.provenance.datasets) datasets.set(d.id, `#${d.id} ${d.name} sha256 ${d.sha256.slice(0, 12)}`);
      }
    }
    // A rule that evaluated nothing had no input to read: say which, never "0 0 0" and success.
    const empty = [...perRule].filter(([, n]) => n === 0).map(([id]) => RULES.find((r) => r.id === id)!);
    if (empty.length) {
      const lines = empty.map((r) => `规则 ${r.id}（${r.nameZh}）没有可评估的输入 / rule ${r.id} has no input to evaluate: 需要 / needs ${r.requiredInputs.join('；')}`);
      throw new UsageError(`${lines.join('\n')}\n  ${level === 'all' ? '各级' : level} ${from ?? ''}${to !== from ? `–${to ?? ''}` : ''}; ${[...basisLines].join('\n  ')}\n  查看数据基础 / see: wb basis show`);
    }
    if (format === 'json') io.out(renderJson(results.map(resultRecord)));
    else if (format === 'csv') {
      const headers = ['rule', 'region_code', 'region_name', 'region_level', 'year', 'level', 'scope', 'status', 'value_unit', 'value', 'prior_value', 'growth', 'benchmark', 'change_pp', 'reason', 'crosswalk', 'restated_base', 'spending_effect', 'enrolment_effect', 'annotations'];
      const rows: Cell[][] = results.map((r) => [r.rule, r.regionCode, r.regionName, r.regionLevel, r.year, r.level, r.scope, r.status, r.valueUnit, r.value, r.priorValue, r.growth, r.benchmark, r.changePp, r.reason, r.flags.crosswalk, r.flags.restatedBase, r.decomposition?.spendingEffect ?? null, r.decomposition?.enrolmentEffect ?? null, r.annotations.map((a) => `${a.author}: ${a.text}`).join(' | ') || null]);
      io.out(renderCsv(headers, rows));
    } else {
      const levelZh = (l: string | null) => (l === null ? '合计' : (LEVELS.find((x) => x.code === l)?.zh ?? l));
      io.out(
        renderTable(
          ['规则', '地区', '代码', '年份', '学段', '口径', '结果', '本年', '上年', '增幅%', '说明'],
          results.map((r) => [
            r.rule,
            r.regionName,
            r.regionCode,
            r.year,
            levelZh(r.level),
            SCOPE_ZH[r.scope],
            STATUS_ZH[r.status],
            shown(r.value, r.valueUnit),
            shown(r.priorValue, r.valueUnit),
            r.growth,
            [r.benchmark !== null ? `基准 ${shown(r.benchmark, r.rule === 'three-growths' ? 'percent' : r.valueUnit)}${r.rule === 'three-growths' ? '%（经常性收入增幅）' : ''}` : '', r.changePp !== null ? `变化 ${r.changePp} 个百分点` : '', r.flags.crosswalk ? `按现行区划比较（前身 ${r.flags.predecessors.join('、')}）` : '', r.flags.splitByShare ? '拆分按比例分摊' : '', r.flags.restatedBase ? '同口径基数' : '', r.decomposition && r.status === 'fail' ? `支出效应 ${r.decomposition.spendingEffect} 在校生效应 ${r.decomposition.enrolmentEffect}` : '', r.reason ?? '', ...r.annotations.map((a) => `批注：${a.text}`)].filter(Boolean).join('；') || null,
          ]),
          [false, false, false, true, false, false, false, true, true, true, false],
        ),
      );
      io.out(`达标 ${counts.pass}，未达标 ${counts.fail}，不适用 ${counts.na}；金额单位：元（内部以分精确计算）\n`);
      io.out(`数据来源 / sources: ${[...datasets.values()].join('; ') || '无 / none'}; divisor ${divisor}\n`);
      for (const line of basisLines) io.out(`${line}\n`);
      // What the importer found in the datasets these results used (printed growth that its own
      // figures do not give, swapped columns, hidden content …): shown with the results.
      const findings = findingsFor(db, [...datasets.keys()]);
      if (findings.length) io.out(`导入时的核对提示 / findings at import (${findings.length}):\n${findings.map((f) => `  ${findingLine(f)}`).join('\n')}\n`);
    }
    return counts.fail > 0 ? EXIT.failures : EXIT.ok;
  } finally {
    db.close();
  }
}
