// What the aid calculations read from the database for one region and year: the units (the
// region's current counties, or the county itself), their aid counts, enrolment, GDP, revenue and
// population, and the province's 档. Each input names the dataset it came from; a unit without
// an input has null there (never 0), and the caller says 无数据 with the reason.
import type Database from 'better-sqlite3';
import type { AidRegionInput, AidLevelInput } from '../../core/aid/need';
import type { QuotaUnit } from '../../core/aid/allocate';
import { AID_ITEMS, type AidItem } from '../../core/aid/items';
import { DANG_OF } from '../../core/aid/standards';
import { isLevelCode, type LevelCode } from '../../core/levels';
import { CodedError } from '../../core/result';

export type SourceRef = { id: number; name: string; sha256: string; importedAt: string; synthetic: boolean };
export type AidSources = { aid: SourceRef | null; enrolment: SourceRef | null; fiscal: SourceRef | null };
export type DangSource = 'law' | 'region_dev_tier' | 'unknown';

export type AidInputs = {
  region: { code: string; name: string; level: string };
  year: number;
  province: { code: string; name: string } | null;
  dang: 1 | 2 | 3 | 4 | 5 | null;
  dangSource: DangSource;
  units: AidRegionInput[];
  /** GDP and revenue per head for the quota factors (分 per person), by unit code. */
  perHead: Map<string, { gdp: number | null; revenue: number | null }>;
  sources: AidSources;
};

type DatasetRow = { id: number; name: string; sha256: string; imported_at: string; synthetic: number };

/** The newest dataset of a kind that is not superseded and holds the year for some of the codes. */
function newestCovering(db: Database.Database, kind: string, table: string, year: number, codes: readonly string[], explicit: number | undefined): SourceRef | null {
  if (explicit !== undefined) {
    const d = db.prepare('SELECT id, name, sha256, imported_at, synthetic FROM dataset WHERE id = ? AND kind = ?').get(explicit, kind) as DatasetRow | undefined;
    if (!d) throw new CodedError('bad_input', `数据集 ${explicit} 不存在或不是${kind}类 / dataset ${explicit} does not exist or is not of kind ${kind}`);
    return { id: d.id, name: d.name, sha256: d.sha256, importedAt: d.imported_at, synthetic: d.synthetic === 1 };
  }
  if (codes.length === 0) return null;
  const d = db
    .prepare(
      `SELECT d.id, d.name, d.sha256, d.imported_at, d.synthetic FROM dataset d
       WHERE d.kind = ? AND NOT EXISTS (SELECT 1 FROM dataset s WHERE s.supersedes_id = d.id)
         AND (d.scope IS NULL OR d.scope = 'consolidated')
         AND EXISTS (SELECT 1 FROM ${table} f WHERE f.dataset_id = d.id AND f.year = ? AND f.region_code IN (SELECT value FROM json_each(?)))
       ORDER BY d.id DESC LIMIT 1`,
    )
    .get(kind, year, JSON.stringify(codes)) as DatasetRow | undefined;
  return d ? { id: d.id, name: d.name, sha256: d.sha256, importedAt: d.imported_at, synthetic: d.synthetic === 1 } : null;
}

function provinceOf(db: Database.Database, code: string): { code: string; name: string; dev_tier: number | null } | null {
  let row = db.prepare('SELECT code, name, parent_code, level, dev_tier FROM region WHERE code = ?').get(code) as { code: string; name: string; parent_code: string | null; level: string; dev_tier: number | null } | undefined;
  for (let guard = 0; row && row.level !== 'province' && guard < 4; guard++) row = row.parent_code ? (db.prepare('SELECT code, name, parent_code, level, dev_tier FROM region WHERE code = ?').get(row.parent_code) as typeof row) : undefined;
  return row && row.level === 'province' ? { code: row.code, name: row.name, dev_tier: row.dev_tier } : null;
}

export function gatherAidInputs(db: Database.Database, regionCode: string, year: number, explicit: { aid?: number; enrolment?: number; fiscal?: number } = {}): AidInputs {
  const region = db.prepare('SELECT code, name, level FROM region WHERE code = ?').get(regionCode) as { code: string; name: string; level: string } | undefined;
  if (!region) throw new CodedError('bad_input', `地区 ${regionCode} 不在数据库中 / region ${regionCode} is not in the database`);
  const units =
    region.level === 'county'
      ? [region]
      : (db
          .prepare(
            `SELECT r.code, r.name, r.level FROM region r
             WHERE r.level = 'county' AND r.valid_to IS NULL AND (r.parent_code = ? OR r.parent_code IN (SELECT code FROM region WHERE parent_code = ?))
             ORDER BY r.code`,
          )
          .all(regionCode, regionCode) as { code: string; name: string; level: string }[]);
  const codes = units.map((u) => u.code);
  const sources: AidSources = {
    aid: newestCovering(db, 'aid', 'aid_fact', year, codes, explicit.aid),
    enrolment: newestCovering(db, 'enrolment', 'enrolment_fact', year, codes, explicit.enrolment),
    fiscal: newestCovering(db, 'fiscal', 'fiscal_fact', year, codes, explicit.fiscal),
  };
  const province = provinceOf(db, regionCode);
  const lawDang = province ? DANG_OF[province.code] : undefined;
  const cityDang = DANG_OF[regionCode.slice(0, 4) + '00'];
  let dang: AidInputs['dang'] = cityDang ?? lawDang ?? null;
  let dangSource: DangSource = dang !== null ? 'law' : 'unknown';
  if (dang === null && province?.dev_tier) {
    dang = province.dev_tier as 1 | 2 | 3 | 4 | 5;
    dangSource = 'region_dev_tier';
  }

  const byUnit = new Map<string, AidRegionInput>(units.map((u) => [u.code, { code: u.code, name: u.name, dang, levels: {}, budgetFen: {} }]));
  const levelOf = (u: AidRegionInput, level: LevelCode): AidLevelInput => (u.levels[level] ??= { enrolled: null, eligible: null, boarders: null, approvedFeeFen: null });
  if (sources.aid) {
    const rows = db
      .prepare(
        `SELECT region_code AS code, level, category, item, measure, value FROM aid_fact
         WHERE dataset_id = ? AND year = ? AND region_code IN (SELECT value FROM json_each(?))`,
      )
      .all(sources.aid.id, year, JSON.stringify(codes)) as { code: string; level: string; category: string; item: string; measure: string; value: number }[];
    // Categories add up to the whole unless the file gives a 合计 row, which then wins.
    const sums = new Map<string, { all: number | null; parts: number; hasParts: boolean }>();
    for (const r of rows) {
      const u = byUnit.get(r.code);
      if (!u || !isLevelCode(r.level)) continue;
      if (r.measure === 'budget_fen') {
        if ((AID_ITEMS as readonly string[]).includes(r.item)) u.budgetFen[r.item as AidItem] = (u.budgetFen[r.item as AidItem] ?? 0) + r.value;
        continue;
      }
      if (r.measure === 'approved_fee_fen') {
        levelOf(u, r.level).approvedFeeFen = r.value;
        continue;
      }
      if (r.measure !== 'eligible' && r.measure !== 'boarders') continue;
      const key = `${r.code}/${r.level}/${r.measure}`;
      const s = sums.get(key) ?? { all: null, parts: 0, hasParts: false };
      if (r.category === 'all') s.all = r.value;
      else {
        s.parts += r.value;
        s.hasParts = true;
      }
      sums.set(key, s);
    }
    for (const [key, s] of sums) {
      const [code, level, measure] = key.split('/') as [string, LevelCode, 'eligible' | 'boarders'];
      const l = levelOf(byUnit.get(code)!, level);
      l[measure] = s.all ?? (s.hasParts ? s.parts : null);
    }
  }
  if (sources.enrolment) {
    const rows = db
      .prepare(`SELECT region_code AS code, level, students FROM enrolment_fact WHERE dataset_id = ? AND year = ? AND region_code IN (SELECT value FROM json_each(?))`)
      .all(sources.enrolment.id, year, JSON.stringify(codes)) as { code: string; level: string; students: number }[];
    for (const r of rows) {
      const u = byUnit.get(r.code);
      if (u && isLevelCode(r.level)) levelOf(u, r.level).enrolled = r.students;
    }
  }
  const perHead = new Map<string, { gdp: number | null; revenue: number | null }>();
  if (sources.fiscal) {
    const rows = db
      .prepare(`SELECT region_code AS code, indicator, value FROM fiscal_fact WHERE dataset_id = ? AND year = ? AND indicator IN ('gdp', 'gpb_revenue', 'population') AND region_code IN (SELECT value FROM json_each(?))`)
      .all(sources.fiscal.id, year, JSON.stringify(codes)) as { code: string; indicator: string; value: number }[];
    const v = new Map(rows.map((r) => [`${r.code}/${r.indicator}`, r.value]));
    for (const c of codes) {
      const pop = v.get(`${c}/population`);
      const per = (x: number | undefined) => (x === undefined || !pop ? null : Math.round(x / pop));
      perHead.set(c, { gdp: per(v.get(`${c}/gdp`)), revenue: per(v.get(`${c}/gpb_revenue`)) });
    }
  }
  return { region, year, province: province && { code: province.code, name: province.name }, dang, dangSource, units: [...byUnit.values()], perHead, sources };
}

/** The quota units for one level: enrolment and eligible counts of that level, and per-head figures. */
export function quotaUnits(inputs: AidInputs, level: LevelCode): QuotaUnit[] {
  return inputs.units.map((u) => ({
    code: u.code,
    name: u.name,
    enrolled: u.levels[level]?.enrolled ?? null,
    eligible: u.levels[level]?.eligible ?? null,
    gdpPerHeadFen: inputs.perHead.get(u.code)?.gdp ?? null,
    revenuePerHeadFen: inputs.perHead.get(u.code)?.revenue ?? null,
  }));
}
