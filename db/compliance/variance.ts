// Year-over-year variance for auditors: every region's change in education spending (or spending
// per student) for one year, the regions whose absolute growth exceeds a threshold, and the
// largest movers up and down. Built on the rule results, so figures match the compliance views.
import type Database from 'better-sqlite3';
import type { ComplianceResult, GovLevel, Provenance, VarianceRow } from '../../core/compliance/types';
import type { LevelCode } from '../../core/levels';
import { formatRatio, parseDecimal } from '../../core/money/decimal';
import type { Divisor } from '../../core/metrics/divisor';
import { runCheck } from './check';

export type VarianceQuery = {
  year: number;
  govLevel: GovLevel;
  scope: 'consolidated' | 'own_level';
  measure: 'total' | 'per_student';
  level?: LevelCode | undefined;
  thresholdPercent: string;
  top: number;
  datasetIds?: readonly number[] | undefined;
  divisor: Divisor;
};

/** Decimal text → integer at 4 decimals (values are printed with at most 4). */
function at4(text: string): bigint {
  const p = parseDecimal(text);
  if (!p.ok) throw new RangeError(p.reason);
  return p.value * 10n ** BigInt(4 - p.scale);
}

function toRow(r: ComplianceResult, threshold4: bigint): VarianceRow {
  const delta = r.value !== null && r.priorValue !== null ? formatRatio(at4(r.value) - at4(r.priorValue), 10_000n, r.valueUnit === 'fen' ? 0 : 4) : null;
  const g = r.growth === null ? null : at4(r.growth);
  return {
    regionCode: r.regionCode,
    regionName: r.regionName,
    regionLevel: r.regionLevel,
    level: r.level,
    value: r.value,
    priorValue: r.priorValue,
    delta,
    growth: r.growth,
    overThreshold: g !== null && (g < 0n ? -g : g) > threshold4,
    flags: r.flags,
  };
}

export function variance(db: Database.Database, q: VarianceQuery): { rows: VarianceRow[]; topUp: VarianceRow[]; topDown: VarianceRow[]; overThreshold: number; provenance: Provenance } {
  const rule = q.measure === 'total' ? 'edu-spending-no-decrease' : 'per-student-no-decrease';
  const run = runCheck(db, { rules: [rule], yearFrom: q.year, yearTo: q.year, govLevel: q.govLevel, scope: q.scope, datasetIds: q.datasetIds, divisor: q.divisor });
  const wanted = q.measure === 'total' ? null : (q.level ?? null);
  const threshold4 = at4(q.thresholdPercent);
  const rows = run.results.filter((r) => r.level === wanted).map((r) => toRow(r, threshold4));
  const ranked = rows.filter((r) => r.growth !== null).sort((a, b) => (at4(b.growth!) > at4(a.growth!) ? 1 : at4(b.growth!) < at4(a.growth!) ? -1 : a.regionCode < b.regionCode ? -1 : 1));
  return {
    rows,
    topUp: ranked.filter((r) => at4(r.growth!) > 0n).slice(0, q.top),
    topDown: ranked.filter((r) => at4(r.growth!) < 0n).reverse().slice(0, q.top),
    overThreshold: rows.filter((r) => r.overThreshold).length,
    provenance: run.provenance,
  };
}
