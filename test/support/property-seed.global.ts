// vitest globalSetup: settle the run's property-test seed once, print it (the CI log records it),
// and hand it to the test workers through FC_SEED (they inherit the environment).
import { propertySeed } from './property-seed';

export function setup(): void {
  const seed = propertySeed(process.env.FC_SEED);
  process.env.FC_SEED = String(seed);
  console.log(`property tests: fast-check seed ${seed} (replay with FC_SEED=${seed})`);
}
