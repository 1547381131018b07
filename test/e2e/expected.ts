// Expected figures computed independently of the app: straight SQL sums on the database file
// and BigInt arithmetic written here, not the app's query or metrics code.
import Database from 'better-sqlite3';

export type Expected = { level: string; spendingFen: bigint; students: bigint; perStudentYuan: string; growthPct: string | null };

function round2(num: bigint, den: bigint): string {
  const neg = num < 0n !== den < 0n && num !== 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const q = (n * 100n * 2n + d) / (2n * d);
  const s = (q / 100n).toString() + '.' + (q % 100n).toString().padStart(2, '0');
  return (neg ? '-' : '') + s.replace(/\B(?=(\d{3})+(?!\d))(?=.*\.)/g, ',');
}

function facts(dbFile: string, code: string, year: number) {
  const db = new Database(dbFile, { readonly: true });
  try {
    const spend = db
      .prepare(`SELECT f.level, SUM(f.amount_fen) AS v FROM expenditure_fact f JOIN dataset d ON d.id = f.dataset_id WHERE d.scope = 'consolidated' AND f.region_code = ? AND f.year = ? GROUP BY f.level`)
      .safeIntegers()
      .all(code, year) as { level: string; v: bigint }[];
    const stud = db
      .prepare(`SELECT f.level, SUM(f.students) AS v FROM enrolment_fact f JOIN dataset d ON d.id = f.dataset_id WHERE d.scope = 'consolidated' AND f.region_code = ? AND f.year = ? GROUP BY f.level`)
      .safeIntegers()
      .all(code, year) as { level: string; v: bigint }[];
    return { spend: new Map(spend.map((r) => [r.level, r.v])), stud: new Map(stud.map((r) => [r.level, r.v])) };
  } finally {
    db.close();
  }
}

export function expectedPerStudent(dbFile: string, code: string, year: number): Expected[] {
  const now = facts(dbFile, code, year);
  const prior = facts(dbFile, code, year - 1);
  const out: Expected[] = [];
  const levels = [...now.spend.keys()];
  const sum = (m: Map<string, bigint>, only?: Map<string, bigint>) => [...m.entries()].filter(([l]) => !only || only.has(l)).reduce((a, [, v]) => a + v, 0n);
  for (const level of [...levels, 'all']) {
    const E = level === 'all' ? sum(now.spend) : now.spend.get(level)!;
    const N = level === 'all' ? sum(now.stud) : (now.stud.get(level) ?? 0n);
    const E0 = level === 'all' ? sum(prior.spend) : prior.spend.get(level);
    const N0 = level === 'all' ? sum(prior.stud) : prior.stud.get(level);
    if (N === 0n) continue;
    // growth of E/N over E0/N0 = (E·N0 − E0·N) / (E0·N)
    const growth = E0 && N0 ? round2((E * N0 - E0 * N) * 100n, E0 * N) : null;
    out.push({ level, spendingFen: E, students: N, perStudentYuan: round2(E, N * 100n), growthPct: growth });
  }
  return out;
}

/** A county with many levels in `year`, for the journeys. */
export function pickCounty(dbFile: string, year: number): { code: string; name: string } {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT r.code, r.name FROM region r JOIN enrolment_fact f ON f.region_code = r.code
         WHERE r.level = 'county' AND f.year = ? AND f.students > 0 GROUP BY r.code ORDER BY COUNT(DISTINCT f.level) DESC, r.code LIMIT 1`,
      )
      .get(year) as { code: string; name: string };
  } finally {
    db.close();
  }
}

export function formatYuanFen(fen: bigint, perUnit: bigint): string {
  return round2(fen, perUnit);
}
