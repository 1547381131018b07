// (h) Student-aid quota allocation at national scale: every county of the national demo sharing one
// 普高 quota (20 % of enrolment) by four factors, with every identified student as a floor and
// enrolment as a cap, in whole persons (core/aid/allocate, the code `wb aid allocate` runs) —
// against the floor any implementation can reach: a hand-written typed-array loop computing the
// plain weighted factor shares × the quota, with no bounds and no rounding to whole persons.
import { allocateQuotas, quotaFromCoverage, type QuotaRule, type QuotaUnit } from '../core/aid/allocate';
import { demoAidFacts } from '../core/demo/aid';
import type { DemoData } from '../core/demo/types';
import { measureInterleaved } from './measure';
import type { BenchContext, BenchRow } from './types';

/** Allocations per measured run. */
const ALLOCATIONS = 200;

export function nationalQuotaUnits(data: DemoData): QuotaUnit[] {
  const year = data.lastYear;
  const enrolled = new Map<string, number>();
  for (const e of data.enrolment) if (e.scope === 'consolidated' && e.year === year && e.level === 'senior') enrolled.set(e.regionCode, e.students);
  const eligible = new Map<string, number>();
  for (const f of demoAidFacts(data)) if (f.year === year && f.level === 'senior' && f.measure === 'eligible') eligible.set(f.regionCode, (eligible.get(f.regionCode) ?? 0) + f.value);
  const fiscal = new Map<string, number>();
  for (const f of data.fiscal) if (f.year === year) fiscal.set(`${f.regionCode}/${f.indicator}`, f.value);
  return data.regions
    .filter((r) => r.level === 'county' && r.validTo === null && enrolled.has(r.code) && eligible.has(r.code))
    .map((r) => {
      const pop = fiscal.get(`${r.code}/population`) ?? 0;
      return {
        code: r.code,
        name: r.name,
        enrolled: enrolled.get(r.code)!,
        eligible: eligible.get(r.code)!,
        gdpPerHeadFen: pop ? Math.round((fiscal.get(`${r.code}/gdp`) ?? 0) / pop) : null,
        revenuePerHeadFen: pop ? Math.round((fiscal.get(`${r.code}/gpb_revenue`) ?? 0) / pop) : null,
        perStudentFen: 230_000,
      };
    })
    .filter((u) => u.gdpPerHeadFen && u.revenuePerHeadFen);
}

export async function benchAid(ctx: BenchContext): Promise<BenchRow[]> {
  const units = nationalQuotaUnits(ctx.data);
  const rule: QuotaRule = { total: quotaFromCoverage(units, 2000)!, weights: { students: 0.3, eligible: 0.5, economic: 0.1, fiscal: 0.1 }, minRatioBp: 10000, capEligibleBp: null };
  ctx.log(`(h) aid quota: ${units.length} counties, quota ${rule.total}`);
  // The floor's columns, normalised once per data set as the weights are fixed.
  const n = units.length;
  const cols = [Float64Array.from(units, (u) => u.enrolled!), Float64Array.from(units, (u) => u.eligible!), Float64Array.from(units, (u) => u.enrolled! / u.gdpPerHeadFen!), Float64Array.from(units, (u) => u.enrolled! / u.revenuePerHeadFen!)];
  const weights = [0.3, 0.5, 0.1, 0.1];
  const scale = cols.map((c, k) => weights[k]! / c.reduce((a, b) => a + b, 0));
  const out = new Float64Array(n);
  const floorLoop = () => {
    const [a, b, c, d] = cols as [Float64Array, Float64Array, Float64Array, Float64Array];
    const [sa, sb, sc, sd] = scale as [number, number, number, number];
    for (let i = 0; i < n; i++) out[i] = (a[i]! * sa + b[i]! * sb + c[i]! * sc + d[i]! * sd) * rule.total;
  };
  let check = 0;
  const figures = await measureInterleaved(
    {
      ours: () => {
        const t0 = performance.now();
        for (let k = 0; k < ALLOCATIONS; k++) check += allocateQuotas(units, rule).totalQuota;
        return { ms: performance.now() - t0 };
      },
      floor: () => {
        const t0 = performance.now();
        for (let k = 0; k < ALLOCATIONS; k++) {
          floorLoop();
          check += out[0]!;
        }
        return { ms: performance.now() - t0 };
      },
    },
    { warmup: ctx.warmup, runs: ctx.runs.aggregate },
    ctx.sampler,
  );
  if (!(check > 0)) throw new Error('aid bench computed nothing');
  return [
    {
      benchmark: `(h) aid quota allocation, national (${units.length} counties) ×${ALLOCATIONS}`,
      unit: 'ms',
      ours: figures.ours,
      peer: figures.floor,
      oursLabel: 'allocateQuotas (floors, caps, whole persons)',
      peerLabel: 'typed-array floor: plain shares × quota',
      note: `${((ALLOCATIONS / figures.ours.median) * 1000).toFixed(0)} allocations/s`,
      fairness:
        'Ours builds the four factor columns from the units, normalises the weights, finds λ for clamp(λ·s, ⌈eligible⌉, enrolled) and splits to whole persons by largest remainder, and builds one row object per county with its shortfall and money. The floor only multiplies four precomputed, pre-normalised columns by the quota: it is not a correct allocation (no bounds, fractional persons). Interleaved run by run in one process.',
    },
  ];
}
