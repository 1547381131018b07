// Baseline / proposal / alternatives side by side: one SimResult per scenario and the comparison
// tables the UI, the CLI and the exports share — by development tier, urban/rural, enrolment band
// and named counties — plus the per-county table with one allocation column per scenario.
import { diversion, equityBeforeAfter, groupTotals, unitRows, winnersLosers, type Diversion, type EquityPair, type GroupKind, type GroupRow, type UnitRow } from './impact';
import { whatChanged, type ParameterChange } from './parameters';
import type { Prepared } from './prepare';
import { simulate, type Scenario, type SimResult } from './simulate';

export type ScenarioReport = {
  name: string;
  result: SimResult;
  rows: UnitRow[];
  changes: ParameterChange[];
  winners: ReturnType<typeof winnersLosers>;
  equity: EquityPair | null;
  diversion: Diversion;
};

export function report(p: Prepared, scenario: Scenario, options: { equity?: boolean } = {}): ScenarioReport {
  const result = simulate(p, scenario);
  const rows = unitRows(p, result);
  return {
    name: scenario.name,
    result,
    rows,
    changes: whatChanged([], scenario.overlay, p.inputs.year),
    winners: winnersLosers(rows),
    equity: options.equity === false ? null : equityBeforeAfter(p, result),
    diversion: diversion(result),
  };
}

export type ComparisonRow = { kind: GroupKind; group: string; students: number; values: { scenario: string; allocation: number; delta: number; perStudent: number; newFailures: number }[] };

/** Group totals for each scenario, aligned by group (the baseline is the first report). */
export function compareGroups(reports: readonly ScenarioReport[], kind: GroupKind, named: readonly string[] = []): ComparisonRow[] {
  const tables = reports.map((r) => groupTotals(r.rows, kind, named));
  const first = tables[0] ?? [];
  return first.map((g, k) => ({
    kind,
    group: g.group,
    students: g.students,
    values: tables.map((t, s) => {
      const row: GroupRow = t[k]!;
      return { scenario: reports[s]!.name, allocation: row.allocation, delta: row.delta, perStudent: row.perStudentAllocation, newFailures: row.newFailures };
    }),
  }));
}

/** The per-county table across scenarios: one record per county, one column group per scenario. */
export function countyTable(reports: readonly ScenarioReport[]): { headers: string[]; rows: (string | number | null)[][] } {
  const headers = ['code', 'name', 'tier', 'urban_rural', 'students', ...reports.flatMap((r) => [`${r.name}:allocation_fen`, `${r.name}:delta_fen`, `${r.name}:edu_per_student_after_yuan`, `${r.name}:rule_a`, `${r.name}:rule_b`])];
  const base = reports[0]!.rows;
  const rows = base.map((u, i) => [
    u.code,
    u.name,
    u.tier,
    u.urbanRural,
    u.students,
    ...reports.flatMap((r) => {
      const x = r.rows[i]!;
      return [x.allocation, x.delta, x.perStudentAfter === null ? null : Math.round(x.perStudentAfter) / 100, x.ruleA, x.ruleB];
    }),
  ]);
  return { headers, rows };
}
