// Entry point of the demo generator: a seeded, deterministic synthetic data set (DemoData) for the
// built-in demo province 示范省 or, for benchmarks, 31 provinces.
//
// Pipeline: layout (regions) → smooth series → repair until no never-decrease failure remains →
// plant the documented failures → fiscal indicators → rows → verify from the rows alone that the
// failures are exactly the planted ones (throws otherwise). Same seed, same output; no Math.random,
// no clock.
import { failureKey } from './never-decrease';
import { emitFacts, emitRegions } from './emit';
import { generateFiscal } from './finance';
import { nationalLayout } from './national';
import { NATIONAL_RECIPE, plantFailures, PROVINCE_RECIPE } from './plant-failures';
import { checkYears } from './profiles';
import { provinceLayout } from './province';
import { checkSeed, createRng } from './random';
import { repair } from './repair';
import { fillSeries } from './series';
import { findNeverDecreaseFailures } from './self-check';
import { DemoState } from './state';
import { allNodes, checkNodes } from './state-check';
import type { DemoData, DemoScale } from './types';

/** The seed of the built-in demo (示范省 as shipped, and the planted list in core/demo/README.md). */
export const DEFAULT_DEMO_SEED = 20241;

export type GenerateDemoOptions = { scale: DemoScale; seed?: number };

export function generateDemo(options: GenerateDemoOptions): DemoData {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  checkSeed(seed);
  const scale = options.scale;
  const layout = scale === 'province' ? provinceLayout(seed) : nationalLayout(seed);
  checkYears(layout.firstYear, layout.lastYear);
  const state = new DemoState(layout.firstYear, layout.lastYear - layout.firstYear + 1, layout.nodes);

  fillSeries(state, layout, seed);
  state.aggregate();
  repair(state, createRng(seed, 'repair', scale));
  const left = checkNodes(state, allNodes(state), 1, state.years - 1);
  if (left.length > 0) throw new Error(`demo repair left ${left.length} never-decrease failures`);

  const planted = plantFailures(state, scale === 'province' ? PROVINCE_RECIPE : NATIONAL_RECIPE, createRng(seed, 'plant', scale));
  const fiscal = generateFiscal(state, seed, { gdpPerHeadRange: scale === 'province' ? [30_000, 130_000] : [22_000, 260_000] });
  const { expenditure, enrolment } = emitFacts(state);
  const data: DemoData = {
    seed,
    scale,
    firstYear: layout.firstYear,
    lastYear: layout.lastYear,
    regions: emitRegions(state),
    codeChanges: layout.codeChanges,
    expenditure,
    enrolment,
    fiscal,
    planted,
  };

  // The promise to the app: the rule engine finds exactly these failures, nothing else.
  const found = findNeverDecreaseFailures(data).map(failureKey);
  const expected = planted.map(failureKey);
  if (found.length !== expected.length || found.some((k, i) => k !== expected[i])) {
    throw new Error(`demo self-check failed: expected [${expected.join(', ')}], found [${found.join(', ')}]`);
  }
  return data;
}
