// Every fuzz target, cheapest first. `runs` is the number of cases in a full run.
import type { AnyTarget } from '../harness';
import { ENGINE_TARGETS } from './engine';
import { FILE_TARGETS } from './files';
import { PURE_TARGETS } from './pure';

export const TARGETS: AnyTarget[] = [...PURE_TARGETS, ...FILE_TARGETS, ...ENGINE_TARGETS];

export function targetByName(name: string): AnyTarget | undefined {
  return TARGETS.find((t) => t.name === name);
}
