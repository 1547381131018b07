// (g) 优质均衡 at national scale: the seven indicators of every school section and their
// pupil-weighted 差异系数 for every county (about 200,000 school sections), ours (core/balance:
// assessCounties, the code `wb balance` and `wb targets` run) against DuckDB in-process running the
// same computation in SQL over the same rows (loaded from CSV, untimed). The results are compared:
// the counties meeting the standard, and every CV to 1e-9.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { assessCounties } from '../core/balance/county';
import { INDICATORS } from '../core/balance/standards';
import { generateSchoolDemo } from '../core/demo/schools';
import { measure, timed } from './measure';
import type { BenchContext, BenchRow } from './types';

const COLS = ['qualifiedTeachers', 'keyTeachers', 'peArtTeachers', 'teachingAreaDm2', 'sportsAreaDm2', 'equipmentFen', 'multimediaRooms'] as const;
const SQL_COLS = ['i1', 'i2', 'i3', 'i4', 'i5', 'i6', 'i7'];

function thresholdsValues(): string {
  return INDICATORS.flatMap((d, i) => (['primary', 'junior'] as const).map((s) => `('${s}', 'i${i + 1}', ${d.threshold[s].value.num}, ${d.threshold[s].value.den}, ${d.per}, ${d.raw.scale})`)).join(', ');
}

export const BALANCE_SQL = `
WITH s AS (
  SELECT * FROM schools WHERE type NOT IN ('special', 'vocational', 'senior') AND NOT (type = 'teaching_point' AND pupils < 50) AND pupils > 0
), l AS (
  UNPIVOT s ON ${SQL_COLS.join(', ')} INTO NAME ind VALUE amount
), th(section, ind, num, den, per, scale) AS (VALUES ${thresholdsValues()}
), agg AS (
  SELECT county, section, ind, sum(amount)::DOUBLE / sum(pupils) AS mean, sum(pupils)::DOUBLE AS p FROM l GROUP BY ALL
), cv AS (
  SELECT l.county, l.section, l.ind, sqrt(sum(l.pupils / a.p * pow(l.amount::DOUBLE / l.pupils - a.mean, 2))) / a.mean AS cv
  FROM l JOIN agg a USING (county, section, ind) GROUP BY l.county, l.section, l.ind, a.mean
), school AS (
  SELECT county, section, code,
    sum(CASE WHEN amount::HUGEINT * per * den >= num::HUGEINT * pupils * scale THEN 1 ELSE 0 END) AS met,
    bool_and(amount::HUGEINT * per * den * 100 >= num::HUGEINT * pupils * scale * 85) AS rest
  FROM l JOIN th USING (section, ind) GROUP BY ALL
), county_section AS (
  SELECT c.county, c.section, bool_and(c.cv <= CASE WHEN c.section = 'primary' THEN 0.5 ELSE 0.45 END) AND (SELECT bool_and(met >= 6 AND rest) FROM school x WHERE x.county = c.county AND x.section = c.section) AS ok
  FROM cv c GROUP BY c.county, c.section
)
SELECT 'cv' AS what, county, section, ind, cv AS value FROM cv
UNION ALL SELECT 'met', county, NULL, NULL, CASE WHEN bool_and(ok) THEN 1 ELSE 0 END FROM county_section GROUP BY county
ORDER BY what, county, section, ind`;

export async function benchBalance(ctx: BenchContext): Promise<BenchRow[]> {
  const { log, sampler } = ctx;
  log('(g) 优质均衡: generating the national schools …');
  const { ms: genMs, value: demo } = timed(() => generateSchoolDemo(ctx.data, 'national'));
  const schools = demo.schools;
  const counties = new Set(schools.map((s) => s.county)).size;
  log(`(g) ${schools.length.toLocaleString('en-US')} school sections in ${counties} counties (generated in ${(genMs / 1000).toFixed(1)} s); ours …`);
  let ours: ReturnType<typeof assessCounties> = [];
  const oursFigure = await measure(
    () => {
      const t0 = performance.now();
      ours = assessCounties(schools);
      return { ms: performance.now() - t0 };
    },
    { warmup: ctx.warmup, runs: ctx.runs.aggregate },
    sampler,
  );
  const csv = join(ctx.dir, 'schools.csv');
  writeFileSync(csv, schools.map((s) => [s.county, s.code, s.section, s.type, s.pupils, ...COLS.map((c) => s[c])].join(',')).join('\n') + '\n');
  const instance = await DuckDBInstance.create(join(ctx.dir, 'peer-balance.duckdb'));
  const con = await instance.connect();
  try {
    await con.run(`CREATE TABLE schools AS SELECT * FROM read_csv('${csv.replace(/'/g, "''")}', header = false, columns = {'county': 'VARCHAR', 'code': 'VARCHAR', 'section': 'VARCHAR', 'type': 'VARCHAR', 'pupils': 'BIGINT', ${SQL_COLS.map((c) => `'${c}': 'BIGINT'`).join(', ')}})`);
    const info = (await con.runAndReadAll("SELECT current_setting('threads'), version()")).getRows()[0] ?? [];
    let rows: (readonly unknown[])[] = [];
    log('(g) peer = DuckDB …');
    const peer = await measure(
      async () => {
        const t0 = performance.now();
        rows = (await con.runAndReadAll(BALANCE_SQL)).getRows();
        return { ms: performance.now() - t0 };
      },
      { warmup: ctx.warmup, runs: ctx.runs.aggregate },
      sampler,
    );
    // Same answers: counties meeting the standard, and every CV.
    const peerMet = new Set(rows.filter((r) => r[0] === 'met' && Number(r[4]) === 1).map((r) => String(r[1])));
    const oursMet = new Set(ours.filter((a) => a.status === 'met').map((a) => a.county));
    if (peerMet.size !== oursMet.size || [...oursMet].some((c) => !peerMet.has(c))) throw new Error(`(g) counties meeting the standard differ: ours ${oursMet.size}, DuckDB ${peerMet.size}`);
    const oursCv = new Map<string, number>();
    for (const a of ours) for (const s of a.sections) s.cvs.forEach((c, i) => oursCv.set(`${a.county}|${s.section}|i${i + 1}`, c.cv));
    let compared = 0;
    for (const r of rows) {
      if (r[0] !== 'cv') continue;
      const mine = oursCv.get(`${String(r[1])}|${String(r[2])}|${String(r[3])}`);
      if (mine === undefined || Math.abs(mine - Number(r[4])) > 1e-9) throw new Error(`(g) CV differs for ${String(r[1])} ${String(r[2])} ${String(r[3])}: ours ${mine}, DuckDB ${String(r[4])}`);
      compared++;
    }
    const fairness =
      `Ours is core/balance assessCounties — what \`wb balance\` and \`wb targets\` run — over ${schools.length.toLocaleString('en-US')} school sections (plain objects in memory, as read from school_fact): for every school section the seven indicators decided exactly (integer cross-multiplication), the 6-of-7 and 85 % rule, the remaining-gap amounts, the exclusions, and for every county and section the pupil-weighted 差异系数 of each indicator, the status and its failure sentences. ` +
      `DuckDB (${String(info[1])}, ${String(info[0])} threads) gets the same rows from a CSV (untimed) and runs one query computing the same CVs, the same per-school pass rule (HUGEINT cross-multiplication) and each county's status; it builds no failure sentences or gap amounts. Both agree on the ${oursMet.size} counties meeting the standard and on all ${compared.toLocaleString('en-US')} CVs to 1e-9.`;
    return [{ benchmark: '(g) 优质均衡, every county', unit: 'ms', ours: oursFigure, peer, oursLabel: 'assessCounties', peerLabel: `DuckDB ${String(info[1])}`, note: `${schools.length.toLocaleString('en-US')} sections, ${counties} counties`, fairness, code: BALANCE_SQL.trim() }];
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
