// Plausibility of an import's values, checked inside its transaction before anything is committed.
// A figure that is off by orders of magnitude — one county typed in 元 among counties in 万元, an
// enrolment with three zeros too many — is usually a keying error, and once committed it moves
// every total it feeds (a province's education spending went 342 bn → 1,210 bn on one such row).
// These are warnings the user must confirm, never silent, and never a refusal: a real figure can
// be extreme, and the person who knows the file decides.
//
// Three tests, each explained in its message:
//  1. own prior year — the same region and key one year earlier, in this file or any dataset held:
//     a ratio of 10× or more (either way) is flagged;
//  2. peers — the regions of the same level, year and key in this file (at least 10): on the log
//     scale, a value further from their median than both 100× and 6 robust standard deviations
//     (1.4826 × the median absolute deviation, at least 0.25 decades) is flagged. The median and
//     MAD ignore the outlier itself, which is why a single 1,000× county stands out among 1,108;
//  3. enrolment — more pupils than the region's population held for that year, or more than any
//     region of its level has (a county 1.5 million, a prefecture 8 million, a province 30 million).
import type Database from 'better-sqlite3';
import type { Mapping } from '../../core/import/mapping';
import type { Problem } from '../../core/import/problems';
import type { FactTable } from './fact-tables';

export const JUMP_RATIO = 10;
export const PEER_MIN = 10;
export const PEER_DECADES = 2;
export const PEER_SIGMAS = 6;
/** The most pupils one region of a level can plausibly have (all levels together). */
export const MAX_STUDENTS: Readonly<Record<string, number>> = { county: 1_500_000, prefecture: 8_000_000, province: 30_000_000 };

type Row = { region_code: string; year: number; k: string; v: number; row: number | null; rlevel: string; name: string };

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function times(r: number): string {
  return r >= 100 ? Math.round(r).toLocaleString('en-US') : r.toPrecision(3);
}

export function plausibilityProblems(db: Database.Database, t: FactTable, datasetId: number, mapping: Mapping, where: { file: string; sheet: string | null }): Problem[] {
  const keyExpr = t.keys.length ? t.keys.map((k) => `f.${k}`).join(" || '/' || ") : "''";
  const rows = db
    .prepare(`SELECT f.region_code, f.year, ${keyExpr} AS k, CAST(f.${t.value} AS REAL) AS v, f.source_row AS row, r.level AS rlevel, r.name AS name FROM ${t.table} f JOIN region r ON r.code = f.region_code WHERE f.dataset_id = ?`)
    .all(datasetId) as Row[];
  const problems: Problem[] = [];
  const column = (r: Row) => {
    const field = t.table === 'fiscal_fact' ? r.k : t.table === 'enrolment_fact' ? 'students' : 'amount';
    const v = mapping.values.find((x) => x.field === field && (x.year === undefined || x.year === r.year)) ?? mapping.values[0];
    return v ? (mapping.columns[v.column] ?? `#${v.column + 1}`) : null;
  };
  const warn = (r: Row, expected: string) => problems.push({ code: 'value_implausible', severity: 'warning', file: where.file, sheet: where.sheet, row: r.row, column: column(r), value: `${r.name}(${r.region_code}) ${r.year} ${r.k}`.trim(), expected });
  const flagged = new Set<Row>();

  // 1. Own prior year: in this file first, else the newest other dataset holding it.
  const here = new Map(rows.map((r) => [`${r.region_code}|${r.k}|${r.year}`, r]));
  const keyJoin = t.keys.map((k) => `p.${k} = f.${k}`).join(' AND ');
  const held = db
    .prepare(
      `SELECT f.region_code, f.year, ${keyExpr} AS k, CAST(p.${t.value} AS REAL) AS prior, MAX(p.dataset_id) AS ds FROM ${t.table} f JOIN ${t.table} p
         ON p.region_code = f.region_code AND p.year = f.year - 1 ${keyJoin ? `AND ${keyJoin}` : ''} AND p.dataset_id <> f.dataset_id AND p.${t.value} > 0
       WHERE f.dataset_id = ? GROUP BY f.region_code, f.year, k`,
    )
    .all(datasetId) as { region_code: string; year: number; k: string; prior: number; ds: number }[];
  const heldPrior = new Map(held.map((h) => [`${h.region_code}|${h.k}|${h.year}`, h]));
  for (const r of rows) {
    if (!(r.v > 0)) continue;
    const inFile = here.get(`${r.region_code}|${r.k}|${r.year - 1}`);
    const other = heldPrior.get(`${r.region_code}|${r.k}|${r.year}`);
    const prior = inFile && inFile.v > 0 ? inFile.v : other?.prior;
    if (prior === undefined) continue;
    const ratio = r.v / prior;
    if (ratio >= JUMP_RATIO || ratio <= 1 / JUMP_RATIO) {
      const src = inFile && inFile.v > 0 ? `本文件第 ${inFile.row ?? '?'} 行` : `数据集 #${other!.ds}`;
      warn(r, `为上年（${src}）的 ${ratio >= 1 ? `${times(ratio)} 倍` : `1/${times(1 / ratio)}`}，请核对数值与单位；确认无误后勾选确认（命令行 --confirm）/ ${times(ratio)}× its prior year (${inFile ? `row ${inFile.row}` : `dataset #${other!.ds}`}); check it, then confirm`);
      flagged.add(r);
    }
  }

  // 2. Peers: same level of region, year and key, in this file.
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    if (!(r.v > 0)) continue;
    const g = `${r.rlevel}|${r.year}|${r.k}`;
    const list = groups.get(g);
    if (list) list.push(r);
    else groups.set(g, [r]);
  }
  for (const list of groups.values()) {
    if (list.length < PEER_MIN) continue;
    const logs = list.map((r) => Math.log10(r.v));
    const med = median(logs);
    const scale = Math.max(1.4826 * median(logs.map((x) => Math.abs(x - med))), 0.25);
    const limit = Math.max(PEER_DECADES, PEER_SIGMAS * scale);
    list.forEach((r, i) => {
      const d = logs[i]! - med;
      if (Math.abs(d) < limit || flagged.has(r)) return;
      const ratio = 10 ** d;
      warn(r, `为同年同级 ${list.length} 个地区中位数的 ${ratio >= 1 ? `${times(ratio)} 倍` : `1/${times(1 / ratio)}`}（稳健离差 ${(Math.abs(d) / scale).toFixed(1)}σ），请核对数值与单位；确认无误后勾选确认（命令行 --confirm）/ ${times(ratio)}× the median of its ${list.length} peers; check it, then confirm`);
      flagged.add(r);
    });
  }

  // 3. Enrolment beyond any region of its level, or beyond the population held.
  if (t.table === 'enrolment_fact') {
    const population = new Map(
      (db.prepare(`SELECT f.region_code || '|' || f.year AS key, MAX(f.value) AS pop FROM fiscal_fact f JOIN (SELECT DISTINCT region_code, year FROM enrolment_fact WHERE dataset_id = ?) e ON e.region_code = f.region_code AND e.year = f.year WHERE f.indicator = 'population' GROUP BY f.region_code, f.year`).all(datasetId) as { key: string; pop: number }[]).map((p) => [p.key, p.pop]),
    );
    for (const r of rows) {
      if (flagged.has(r)) continue;
      const pop = population.get(`${r.region_code}|${r.year}`);
      const cap = MAX_STUDENTS[r.rlevel];
      if (pop !== undefined && pop > 0 && r.v > pop) warn(r, `在校生 ${r.v.toLocaleString('en-US')} 人多于该地区同年常住人口 ${pop.toLocaleString('en-US')} 人，请核对；确认无误后勾选确认（命令行 --confirm）/ more pupils than the population held`);
      else if (cap !== undefined && r.v > cap) warn(r, `在校生 ${r.v.toLocaleString('en-US')} 人超过任何${r.rlevel === 'county' ? '县' : r.rlevel === 'prefecture' ? '地市' : '省'}级地区的规模（${cap.toLocaleString('en-US')} 人），请核对单位与数值；确认无误后勾选确认（命令行 --confirm）/ more pupils than any ${r.rlevel} has (${cap.toLocaleString('en-US')})`);
    }
  }
  return problems;
}
