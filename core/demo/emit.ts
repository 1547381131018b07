// Turns the working state into the plain rows of DemoData: regions, and one expenditure and one
// enrolment row per region, scope, level and year that has the level (no rows where a region does
// not run a level, so the app shows N/A rather than a zero).
import { LEVEL_CODES, type LevelCode } from '../levels';
import { LEVEL_COUNT, type DemoState, type Node } from './state';
import type { DemoEnrolment, DemoExpenditure, DemoRegion, Scope } from './types';

/** Nodes in code order (province, its prefectures, their counties …), as official lists print them. */
function inCodeOrder(state: DemoState): Node[] {
  return [...state.nodes].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export function emitRegions(state: DemoState): DemoRegion[] {
  return inCodeOrder(state).map((n) => ({
    code: n.code,
    name: n.name,
    shortName: n.shortName,
    level: n.level,
    kind: n.kind,
    parentCode: n.parent >= 0 ? (state.nodes[n.parent]?.code ?? null) : null,
    devTier: n.devTier,
    urbanRural: n.urbanRural,
    validFrom: n.validFrom,
    validTo: n.validTo,
  }));
}

export function emitFacts(state: DemoState): { expenditure: DemoExpenditure[]; enrolment: DemoEnrolment[] } {
  const expenditure: DemoExpenditure[] = [];
  const enrolment: DemoEnrolment[] = [];
  const scopes: readonly Scope[] = ['consolidated', 'own_level'];
  for (const n of inCodeOrder(state)) {
    for (const scope of scopes) {
      const { e, n: students, has } = state.arrays(scope);
      for (let y = 0; y < state.years; y++) {
        const year = state.firstYear + y;
        for (let l = 0; l < LEVEL_COUNT; l++) {
          const i = state.cell(n.index, l, y);
          if (!has[i]) continue;
          const level = LEVEL_CODES[l] as LevelCode;
          expenditure.push({ regionCode: n.code, year, level, scope, amountFen: e[i] as number });
          enrolment.push({ regionCode: n.code, year, level, scope, students: students[i] as number });
        }
      }
    }
  }
  return { expenditure, enrolment };
}
