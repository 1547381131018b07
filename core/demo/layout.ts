// Building the region tree: nodes with GB/T 2260 codes, kinds, names and the economic attributes
// the series are drawn from (population, area, fiscal capacity). Shared by the province and the
// national layouts, which decide only how many units of which kind each prefecture has.
import type { LevelCode } from '../levels';
import type { RegionLevel } from '../regions/gbt2260';
import type { NameFactory } from './names';
import type { Rng } from './random';
import { levelIndex, LEVEL_COUNT, type Node, type Tier } from './state';
import type { DemoCodeChange, RegionKind } from './types';

export type Layout = {
  firstYear: number;
  lastYear: number;
  nodes: Node[];
  codeChanges: DemoCodeChange[];
  /** Per-student multiplier of each province (national scale: Beijing spends far more per pupil than Henan). */
  provinceSpendFactor: Map<number, number>;
};

export type NodeInit = {
  code: string;
  name: string;
  shortName: string;
  kind: RegionKind;
  parent: number;
  capacity: number;
  urbanRural?: 'urban' | 'rural' | null;
  devTier?: Tier;
};

export class LayoutBuilder {
  readonly firstYear: number;
  readonly lastYear: number;
  readonly years: number;
  readonly nodes: Node[] = [];
  readonly codeChanges: DemoCodeChange[] = [];

  constructor(firstYear: number, lastYear: number) {
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.years = lastYear - firstYear + 1;
  }

  add(init: NodeInit): number {
    const level: RegionLevel = init.code.endsWith('0000') ? 'province' : init.code.endsWith('00') ? 'prefecture' : 'county';
    const index = this.nodes.length;
    this.nodes.push({
      index,
      code: init.code,
      name: init.name,
      shortName: init.shortName,
      level,
      kind: init.kind,
      parent: init.parent,
      children: [],
      ancestors: [],
      devTier: init.devTier ?? 3,
      urbanRural: init.urbanRural ?? null,
      validFrom: null,
      validTo: null,
      firstYi: 0,
      lastYi: this.years - 1,
      sources: [index],
      runs: new Array<boolean>(LEVEL_COUNT).fill(false),
      capacity: init.capacity,
      population: new Float64Array(this.years),
      area: 0,
      studentTrend: 0,
      successor: -1,
    });
    if (init.parent >= 0) (this.nodes[init.parent] as Node).children.push(index);
    return index;
  }

  node(i: number): Node {
    return this.nodes[i] as Node;
  }

  run(i: number, ...levels: LevelCode[]): void {
    for (const l of levels) this.node(i).runs[levelIndex(l)] = true;
  }

  /**
   * Gives a county its population path, area and student drift. `pop` is the last year's
   * population; `trend` its yearly change.
   */
  populate(i: number, pop: number, trend: number, areaKm2: number, studentTrend: number): void {
    const n = this.node(i);
    for (let yi = 0; yi < this.years; yi++) n.population[yi] = Math.round(pop * Math.pow(1 + trend, yi - (this.years - 1)));
    n.area = Math.round(areaKm2 * 100);
    n.studentTrend = studentTrend;
  }

  /**
   * A county becomes a district (撤县设区) on 1 January of `year`: the old code is retired, a new
   * code in the city's district range takes over the same place, population and schools. The
   * series generator fills the old code and later moves the years from `year` on to the new one.
   */
  countyToDistrict(oldIndex: number, newCode: string, year: number, names: NameFactory): number {
    const old = this.node(oldIndex);
    const date = `${year}-01-01`;
    const { name, shortName } = names.renamed(old.shortName, 'district');
    const idx = this.add({ code: newCode, name, shortName, kind: 'district', parent: old.parent, capacity: old.capacity, urbanRural: 'urban' });
    const nu = this.node(idx);
    const yi = year - this.firstYear;
    old.validTo = date;
    old.lastYi = yi - 1;
    nu.validFrom = date;
    nu.firstYi = yi;
    nu.runs = [...old.runs];
    nu.area = old.area;
    nu.studentTrend = old.studentTrend;
    nu.sources = [idx, oldIndex];
    old.successor = idx;
    // One place, two codes: the population moves to the new code from the change on.
    for (let y = yi; y < this.years; y++) {
      nu.population[y] = old.population[y] as number;
      old.population[y] = 0;
    }
    this.codeChanges.push({
      oldCode: old.code,
      newCode,
      effectiveDate: date,
      kind: 'county_to_district',
      share: 1,
      note: `撤销${old.name}，设立${name}，以原${old.name}的行政区域为${name}的行政区域（合成数据）`,
    });
    return idx;
  }

  /** Fills ancestors and checks the tree; call once all nodes are added. */
  finish(provinceSpendFactor: Map<number, number>): Layout {
    for (const n of this.nodes) {
      n.ancestors = [];
      for (let p = n.parent; p >= 0; p = this.node(p).parent) n.ancestors.push(p);
      if (n.ancestors.length > 2) throw new RangeError(`region ${n.code} is nested too deeply`);
    }
    return { firstYear: this.firstYear, lastYear: this.lastYear, nodes: this.nodes, codeChanges: this.codeChanges, provinceSpendFactor };
  }
}

/** Two-digit code part. */
export function dd(n: number): string {
  if (n < 1 || n > 99) throw new RangeError(`code part ${n} out of range`);
  return String(n).padStart(2, '0');
}

export type CountyPlan = { kind: RegionKind; number: number };

/**
 * Code numbers for a prefecture's counties by GB/T 2260: in a 地级市, 市辖区 02–20 (01 is the
 * summary code), 县/自治县/旗 21–80, county-level cities 81–99; in a 地区/自治州/盟 and among
 * 省直辖县, county-level cities 01–20; in a municipality's 市辖区, districts 01–20 then 51–.
 */
export function numberCounties(prefKind: RegionKind, kinds: readonly RegionKind[]): CountyPlan[] {
  const isCity = (k: RegionKind): boolean => k === 'county_city';
  let district = prefKind === 'municipal_pseudo' ? 1 : 2;
  let county = 21;
  let city = prefKind === 'prefecture_city' ? 81 : 1;
  const out: CountyPlan[] = [];
  // Districts first, then county-level cities, then counties: the order official lists use.
  const order = [...kinds].sort((a, b) => rank(a) - rank(b));
  for (const kind of order) {
    if (kind === 'district') {
      if (district > 20 && prefKind !== 'municipal_pseudo') throw new RangeError('more than 19 districts in a prefecture');
      out.push({ kind, number: district });
      district = district === 20 ? 51 : district + 1;
    } else if (isCity(kind)) {
      out.push({ kind, number: city++ });
    } else {
      out.push({ kind, number: county++ });
    }
  }
  if (district > 71 || county > 81 || city > 100) throw new RangeError('too many counties for GB/T 2260 code ranges');
  return out;
}

function rank(k: RegionKind): number {
  return k === 'district' ? 0 : k === 'county_city' ? 1 : 2;
}

/** Devtier by capacity thresholds (a least-developed fifth-ish at 1 … a most-developed tenth at 5). */
export function tierThresholds(capacities: readonly number[]): number[] {
  const sorted = [...capacities].sort((a, b) => a - b);
  const q = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
  return [q(0.18), q(0.42), q(0.7), q(0.9)];
}

export function tierOf(capacity: number, thresholds: readonly number[]): Tier {
  let t = 1;
  for (const th of thresholds) if (capacity >= th) t++;
  return t as Tier;
}

/** Capacity of a unit from its kind: districts collect the most revenue per head, autonomous counties the least. */
export function countyCapacity(rng: Rng, kind: RegionKind, base: number, capital: boolean): number {
  const byKind: Partial<Record<RegionKind, number>> = { district: 1.7, county_city: 1.2, county: 0.8, banner: 0.8, autonomous_county: 0.55, forest_area: 0.7 };
  const k = (byKind[kind] ?? 1) * (capital && kind === 'district' ? 1.5 : 1);
  return base * k * Math.exp(rng.range(-0.35, 0.35));
}

/** Population (last year), yearly trend, area km² and student drift for a county of `kind`. */
export function countyDemography(rng: Rng, kind: RegionKind, capital: boolean): { pop: number; trend: number; area: number; studentTrend: number } {
  switch (kind) {
    case 'district':
      return { pop: rng.range(250e3, 900e3) * (capital ? 1.4 : 1), trend: rng.range(0.004, 0.015), area: rng.range(80, 600), studentTrend: rng.range(0, 0.022) };
    case 'county_city':
      return { pop: rng.range(450e3, 1.1e6), trend: rng.range(-0.004, 0.006), area: rng.range(1200, 3000), studentTrend: rng.range(-0.01, 0.01) };
    case 'autonomous_county':
      return { pop: rng.range(120e3, 400e3), trend: rng.range(-0.01, 0.004), area: rng.range(1800, 4500), studentTrend: rng.range(-0.03, 0) };
    default:
      return { pop: rng.range(180e3, 800e3), trend: rng.range(-0.012, 0.002), area: rng.range(900, 3200), studentTrend: rng.range(-0.035, 0) };
  }
}
