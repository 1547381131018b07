// 数据体检 — the health of the data basis for one government level and year range: which inputs
// cover which region-years (and which regions miss which years), what every rule would show as
// N/A and why, and where datasets overlap with conflicts or rounding differences.
import type Database from 'better-sqlite3';
import type { GovLevel } from '../../core/compliance/types';
import { runCheck } from '../compliance/check';
import { basisLine, resolveBasis, yearRanges, type Scope } from './basis';
import { basisOverlaps, type OverlapSummary } from './basis-overlaps';
import { currentBoundaries } from './regions';

export type HealthQuery = { scope: Scope; govLevel: GovLevel; from?: number | undefined; to?: number | undefined; underRegion?: string | undefined };

export type HealthReport = {
  basis: { hash: string; line: string };
  govLevel: GovLevel;
  scope: Scope;
  from: number | null;
  to: number | null;
  regions: number;
  /** Compliance results evaluated (rules × regions × years × levels), N/A included. */
  results: number;
  coverage: { input: string; covered: number; total: number; gaps: { code: string; name: string; missingYears: string }[] }[];
  na: { rule: string; reason: string; count: number }[];
  overlaps: OverlapSummary[];
};

export function healthReport(db: Database.Database, q: HealthQuery): HealthReport {
  const basis = resolveBasis(db, q.scope);
  const targets = currentBoundaries(db, { govLevel: q.govLevel, underRegion: q.underRegion });
  const check = runCheck(db, { govLevel: q.govLevel, scope: q.scope, divisor: 'autumn', yearFrom: q.from, yearTo: q.to, underRegion: q.underRegion });
  const years = check.results.map((r) => r.year);
  const from = q.from ?? (years.length ? Math.min(...years) : null);
  const to = q.to ?? (years.length ? Math.max(...years) : null);
  const span = from === null || to === null ? [] : Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const coverage: HealthReport['coverage'] = [];
  for (const ib of basis.inputs.values()) {
    let covered = 0;
    const gaps: HealthReport['coverage'][number]['gaps'] = [];
    for (const t of targets) {
      // A region counts as covered in a year when it, or a predecessor, has the input.
      const missing = span.filter((y) => !t.sources.some((s) => ib.owner.has(`${s.code}|${y}`)));
      covered += span.length - missing.length;
      if (missing.length && missing.length < span.length) gaps.push({ code: t.code, name: t.name, missingYears: yearRanges(missing) });
      else if (missing.length) gaps.push({ code: t.code, name: t.name, missingYears: '全部 / all' });
    }
    coverage.push({ input: ib.input, covered, total: targets.length * span.length, gaps });
  }
  const na = new Map<string, { rule: string; reason: string; count: number }>();
  for (const r of check.results) {
    if (r.status !== 'na') continue;
    const reason = r.reason ?? '—';
    const k = `${r.rule}|${reason}`;
    const e = na.get(k) ?? { rule: r.rule, reason, count: 0 };
    e.count++;
    na.set(k, e);
  }
  return {
    basis: { hash: basis.hash, line: basisLine(basis) },
    govLevel: q.govLevel,
    scope: q.scope,
    from,
    to,
    regions: targets.length,
    results: check.results.length,
    coverage,
    na: [...na.values()].sort((a, b) => b.count - a.count),
    overlaps: basisOverlaps(db, basis).summary,
  };
}
