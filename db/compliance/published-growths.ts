// Growth rates the bulletins of the data basis printed, for 三个增长 where a source gives rates
// rather than both years' amounts: the printed growth of the 一般公共预算教育经费 total (stored with
// the bulletin fact, 同口径 or not) and 财政经常性收入 — which is not a bulletin fact but is kept
// with the dataset's reading (its amounts when printed, else its printed rate). Only the
// region-years the basis gives each bulletin dataset are read.
import type Database from 'better-sqlite3';
import { signedRate } from '../../core/bulletin/checks';
import type { Figure } from '../../core/bulletin/extract';
import { formatPrinted, parsePrinted, toUnits } from '../../core/bulletin/printed';
import type { PublishedGrowths } from '../../core/compliance/inputs';
import type { InputBasis } from '../repos/basis';

const FEN_PER: Readonly<Record<string, bigint>> = { 元: 100n, 千元: 100_000n, 万元: 1_000_000n, 万: 1_000_000n, 亿元: 10_000_000_000n, 亿: 10_000_000_000n };

type StoredFigure = { indicator: string | null; level: string; year: number | null; current: string | null; unit: string | null; prior: string | null; prior_unit: string | null; rate: string | null; rate_unit: string | null; direction: string | null; rural?: boolean };

function fen(text: string | null, unit: string | null): number | undefined {
  const p = text === null ? null : parsePrinted(text);
  const factor = unit ? FEN_PER[unit] : undefined;
  if (!p || !factor) return undefined;
  const v = toUnits(p, factor);
  return v >= 0n && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : undefined;
}

/** region code → year → what was printed. */
export function publishedGrowths(db: Database.Database, basis: InputBasis, fromYear: number, toYear: number): Map<string, Map<number, PublishedGrowths>> {
  const out = new Map<string, Map<number, PublishedGrowths>>();
  const at = (code: string, year: number): PublishedGrowths => {
    let years = out.get(code);
    if (!years) out.set(code, (years = new Map()));
    let g = years.get(year);
    if (!g) years.set(year, (g = {}));
    return g;
  };
  const owned = (id: number, code: string, year: number) => year >= fromYear && year <= toYear && (basis.single || basis.owner.get(`${code}|${year}`) === id);
  const totals = db.prepare(`SELECT region_code AS code, year, official_growth AS rate, comparable FROM bulletin_fact WHERE dataset_id = ? AND level = 'all' AND measure = 'total' AND official_growth IS NOT NULL`);
  // A per-student figure printed with a rate but no prior-year amount (a 同口径 rate already gave its base).
  const perStudent = db.prepare(
    `SELECT f.region_code AS code, f.year, f.level, f.measure, f.official_growth AS rate FROM bulletin_fact f
      WHERE f.dataset_id = @id AND f.measure IN ('per_student', 'per_student_operating') AND f.official_growth IS NOT NULL AND f.comparable = 0
        AND NOT EXISTS (SELECT 1 FROM bulletin_fact p WHERE p.dataset_id = f.dataset_id AND p.region_code = f.region_code AND p.year = f.year - 1 AND p.level = f.level AND p.measure = f.measure)`,
  );
  const regionYears = db.prepare(`SELECT region_code AS code, MAX(year) AS year FROM bulletin_fact WHERE dataset_id = ? GROUP BY region_code`);
  const reading = db.prepare(`SELECT mapping_json FROM dataset WHERE id = ?`).pluck();
  for (const d of basis.datasets) {
    for (const r of totals.all(d.id) as { code: string; year: number; rate: string; comparable: number }[]) {
      if (owned(d.id, r.code, r.year)) at(r.code, r.year).eduGrowth = { rate: r.rate, comparable: r.comparable === 1 };
    }
    for (const r of perStudent.all({ id: d.id }) as { code: string; year: number; level: string; measure: string; rate: string }[]) {
      if (!owned(d.id, r.code, r.year)) continue;
      const g = at(r.code, r.year);
      (g.perStudentGrowth ??= {})[`${r.level}|${r.measure}`] = r.rate;
    }
    // A bulletin read from text keeps its figures (one region per bulletin); a table import does not.
    const own = regionYears.all(d.id) as { code: string; year: number }[];
    if (own.length !== 1) continue;
    let figures: StoredFigure[] = [];
    try {
      const parsed = JSON.parse((reading.get(d.id) as string | null) ?? 'null') as { figures?: unknown } | null;
      if (parsed && Array.isArray(parsed.figures)) figures = parsed.figures as StoredFigure[];
    } catch {
      continue;
    }
    for (const f of figures) {
      if (f.indicator !== 'recurrent_revenue' || f.level !== 'all' || f.rural) continue;
      const year = f.year ?? own[0]!.year;
      const code = own[0]!.code;
      if (!owned(d.id, code, year)) continue;
      const g = at(code, year);
      const cur = fen(f.current, f.unit);
      const prior = fen(f.prior, f.prior_unit);
      if (cur !== undefined) g.revenue = cur;
      if (prior !== undefined) g.revenuePrior = prior;
      const rate = f.rate_unit === '%' ? signedRate({ rate: f.rate, direction: f.direction } as Figure) : null;
      if (rate) g.revenueGrowth = formatPrinted(rate);
    }
  }
  return out;
}
