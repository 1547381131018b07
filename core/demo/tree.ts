// Filling one province's tree: counties under a prefecture (codes, names, population, which
// levels they run), then scaling population and area to the province's totals and assigning
// development tiers from fiscal capacity. Used by both the demo province and the national layout.
import type { Rng } from './random';
import type { NameFactory } from './names';
import { countyCapacity, countyDemography, dd, numberCounties, tierOf, type LayoutBuilder } from './layout';
import type { Node } from './state';
import type { RegionKind } from './types';

export type CountyOptions = {
  /** Province-wide capacity base (national scale: Shanghai ≫ Gansu). */
  capacityBase: number;
  /** The capital city: its districts are richer and larger. */
  capital: boolean;
};

/** Levels a county runs: pre-school and compulsory always; the rest by kind and chance. */
function countyLevels(b: LayoutBuilder, idx: number, kind: RegionKind, rng: Rng): void {
  b.run(idx, 'preschool', 'primary', 'junior');
  const p = {
    senior: kind === 'district' ? 0.6 : kind === 'county_city' ? 1 : 0.93,
    sec_voc: kind === 'district' ? 0.2 : kind === 'county_city' ? 0.8 : 0.45,
    special: kind === 'district' ? 0.35 : kind === 'county_city' ? 0.7 : 0.4,
  };
  if (rng.chance(p.senior)) b.run(idx, 'senior');
  if (rng.chance(p.sec_voc)) b.run(idx, 'sec_voc');
  if (rng.chance(p.special)) b.run(idx, 'special');
}

/** Adds the counties of kinds `kinds` under prefecture `prefIdx` (or under the province, for 省直辖县). */
export function addCounties(b: LayoutBuilder, prefIdx: number, prefix4: string, prefKind: RegionKind, kinds: readonly RegionKind[], rng: Rng, names: NameFactory, opts: CountyOptions): number[] {
  const out: number[] = [];
  for (const plan of numberCounties(prefKind, kinds)) {
    const { name, shortName } = names.next(plan.kind);
    const urban = plan.kind === 'district' || (plan.kind === 'county_city' && rng.chance(0.25));
    const idx = b.add({
      code: prefix4 + dd(plan.number),
      name,
      shortName,
      kind: plan.kind,
      parent: prefIdx,
      capacity: countyCapacity(rng, plan.kind, opts.capacityBase, opts.capital),
      urbanRural: urban ? 'urban' : 'rural',
    });
    const d = countyDemography(rng, plan.kind, opts.capital);
    b.populate(idx, d.pop, d.trend, d.area, d.studentTrend);
    countyLevels(b, idx, plan.kind, rng);
    out.push(idx);
  }
  return out;
}

/** Levels a prefecture's 本级 runs: 市直 high schools and vocational schools, often a special school, maybe a college. */
export function prefectureLevels(b: LayoutBuilder, idx: number, rng: Rng, capital: boolean): void {
  b.run(idx, 'senior', 'sec_voc');
  if (rng.chance(0.85)) b.run(idx, 'special');
  if (capital || rng.chance(0.45)) b.run(idx, 'higher');
}

/** Scales the counties' population to `totalPop` (last year) and their areas to `totalAreaKm2`. */
export function scaleProvince(b: LayoutBuilder, counties: readonly number[], totalPop: number, totalAreaKm2: number): void {
  const last = b.years - 1;
  let pop = 0;
  let area = 0;
  for (const i of counties) {
    pop += b.node(i).population[last] as number;
    area += b.node(i).area;
  }
  const fp = totalPop / pop;
  const fa = totalAreaKm2 / (area / 100);
  for (const i of counties) {
    const n = b.node(i);
    for (let y = 0; y < b.years; y++) n.population[y] = Math.round((n.population[y] as number) * fp);
    n.area = Math.round(n.area * fa);
  }
}

/** Development tiers: counties by capacity thresholds; prefectures by their population-weighted capacity. */
export function assignTiers(nodes: readonly Node[], thresholds: readonly number[], last: number): void {
  for (const n of nodes) {
    if (n.level === 'county') n.devTier = tierOf(n.capacity, thresholds);
  }
  for (const n of nodes) {
    if (n.level !== 'prefecture') continue;
    let w = 0;
    let c = 0;
    for (const k of n.children) {
      const child = nodes[k] as Node;
      if (child.successor >= 0) continue; // the same place is counted under its new code
      const pop = Math.max(child.population[last] as number, child.population[child.lastYi] as number);
      w += pop;
      c += pop * child.capacity;
    }
    n.capacity = w > 0 ? c / w : 1;
    n.devTier = tierOf(n.capacity, thresholds);
  }
}
