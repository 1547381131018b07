// Finds every never-decrease failure in generated demo data, from its rows alone — the check the
// generator runs on its own output before returning it, and the specification the app's rule
// engine must reproduce on the demo (its failures are exactly `planted`).
//
// Every region (province, prefectures, counties, 省直辖县) is checked in both scopes. A region is
// compared on its current boundary: its series is the sum of its own facts and those of every
// predecessor code in `codeChanges` (share 1 exactly; a share below 1 is rounded to the 分, as the
// app does), so a district created in 2020 is compared in 2020 with its old county's 2019 facts.
import { LEVEL_CODES, type LevelCode } from '../levels';
import { clearCube, compareFailures, cubeFailures, levelOrAll, newCube, type NeverDecreaseFailure } from './never-decrease';
import type { DemoData, Scope } from './types';

const SCOPES: readonly Scope[] = ['consolidated', 'own_level'];

type Facts = { e: Float64Array; n: Float64Array; hasE: Uint8Array; hasN: Uint8Array };

/** Current-boundary sources of each code: itself (share 1) and its predecessors, transitively. */
function boundarySources(data: DemoData, codes: readonly string[]): Map<string, { code: string; share: number }[]> {
  const predecessors = new Map<string, { code: string; share: number }[]>();
  for (const c of data.codeChanges) {
    const list = predecessors.get(c.newCode) ?? [];
    list.push({ code: c.oldCode, share: c.share });
    predecessors.set(c.newCode, list);
  }
  const out = new Map<string, { code: string; share: number }[]>();
  for (const code of codes) {
    const list = [{ code, share: 1 }];
    for (let i = 0; i < list.length; i++) {
      const cur = list[i]!;
      for (const p of predecessors.get(cur.code) ?? []) {
        if (list.some((x) => x.code === p.code)) continue; // a cycle in bad data must not loop forever
        list.push({ code: p.code, share: cur.share * p.share });
      }
    }
    out.set(code, list);
  }
  return out;
}

export function findNeverDecreaseFailures(data: DemoData): NeverDecreaseFailure[] {
  const Y = data.lastYear - data.firstYear + 1;
  const L = LEVEL_CODES.length;
  const levelIdx = new Map<LevelCode, number>(LEVEL_CODES.map((l, i) => [l, i]));

  const codes: string[] = [];
  const codeIdx = new Map<string, number>();
  const addCode = (code: string): number => {
    let i = codeIdx.get(code);
    if (i === undefined) {
      i = codes.length;
      codes.push(code);
      codeIdx.set(code, i);
    }
    return i;
  };
  for (const r of data.regions) addCode(r.code);
  for (const r of data.expenditure) addCode(r.regionCode);
  for (const r of data.enrolment) addCode(r.regionCode);

  const size = codes.length * L * Y;
  const facts: Record<Scope, Facts> = {
    consolidated: { e: new Float64Array(size), n: new Float64Array(size), hasE: new Uint8Array(size), hasN: new Uint8Array(size) },
    own_level: { e: new Float64Array(size), n: new Float64Array(size), hasE: new Uint8Array(size), hasN: new Uint8Array(size) },
  };
  const at = (code: string, level: LevelCode, year: number): number => {
    const y = year - data.firstYear;
    if (y < 0 || y >= Y) throw new RangeError(`fact year ${year} outside ${data.firstYear}–${data.lastYear}`);
    return ((codeIdx.get(code) as number) * L + (levelIdx.get(level) as number)) * Y + y;
  };
  for (const r of data.expenditure) {
    const f = facts[r.scope];
    const i = at(r.regionCode, r.level, r.year);
    f.e[i] = (f.e[i] as number) + r.amountFen;
    f.hasE[i] = 1;
  }
  for (const r of data.enrolment) {
    const f = facts[r.scope];
    const i = at(r.regionCode, r.level, r.year);
    f.n[i] = (f.n[i] as number) + r.students;
    f.hasN[i] = 1;
  }

  const sources = boundarySources(data, codes);
  const cube = newCube(L, Y);
  const out: NeverDecreaseFailure[] = [];
  for (const code of codes) {
    for (const scope of SCOPES) {
      const f = facts[scope];
      clearCube(cube);
      for (const src of sources.get(code) ?? []) {
        const base = (codeIdx.get(src.code) as number) * L * Y;
        for (let k = 0; k < L * Y; k++) {
          const e = f.e[base + k] as number;
          const n = f.n[base + k] as number;
          cube.e[k] = (cube.e[k] as number) + (src.share === 1 ? e : Math.round(e * src.share));
          cube.n[k] = (cube.n[k] as number) + (src.share === 1 ? n : Math.round(n * src.share));
          cube.hasE[k] = (cube.hasE[k] as number) | (f.hasE[base + k] as number);
          cube.hasN[k] = (cube.hasN[k] as number) | (f.hasN[base + k] as number);
        }
      }
      cubeFailures(cube, 1, Y - 1, (rule, yi, level) => {
        out.push({ rule, regionCode: code, year: data.firstYear + yi, level: levelOrAll(level), scope });
      });
    }
  }
  return out.sort(compareFailures);
}
