// Gathers a simulation's inputs: the counties under a region with their enrolment and education
// spending for the year and the year before (through the compliance gatherer, so the same
// datasets, current boundaries and crosswalks as `wb check`), their development tier and
// urban/rural class, and the fiscal figures the factors need (revenue, expenditure, population,
// area) from the newest fiscal dataset that holds each indicator.
import type Database from 'better-sqlite3';
import type { RegionInputs } from '../../core/compliance/inputs';
import { totalSpending } from '../../core/compliance/rules/totals';
import { canonicalJson, sha256Hex } from '../../core/hash/sha256';
import { CodedError } from '../../core/result';
import type { SimDataset, SimInputs, SimUnit, YearFigures } from '../../core/transfer/inputs';
import { chooseDatasets, datasetRefs } from '../compliance/datasets';
import { gatherInputs } from '../compliance/gather';

const FISCAL = ['gpb_revenue', 'gpb_expenditure', 'population', 'area'] as const;
type FiscalKey = (typeof FISCAL)[number];

/** '000000' stands for the whole country (every unit in the database). */
export const NATIONAL = '000000';

export type SimQuery = {
  regionCode: string;
  year?: number | undefined;
  datasetIds?: readonly number[] | undefined;
  /** The units that share the pool: counties (default), prefectures or provinces under the region. */
  unitLevel?: 'county' | 'prefecture' | 'province' | undefined;
};

type FiscalSource = { id: number; name: string; sha256: string; importedAt: string };

/** Per indicator, the newest fiscal dataset holding it — among the caller's fiscal datasets when it named any. */
function fiscalSources(db: Database.Database, explicitIds: readonly number[] | undefined): Map<FiscalKey, FiscalSource> {
  const out = new Map<FiscalKey, FiscalSource>();
  const named = (explicitIds ?? []).filter((id) => (db.prepare('SELECT kind FROM dataset WHERE id = ?').pluck().get(id) as string | undefined) === 'fiscal');
  const find = db.prepare(
    `SELECT d.id, d.name, d.sha256, d.imported_at AS importedAt FROM dataset d
     WHERE d.kind = 'fiscal' AND (d.scope IS NULL OR d.scope = 'consolidated')
       AND (@named IS NULL OR d.id IN (SELECT value FROM json_each(@named)))
       AND (@named IS NOT NULL OR NOT EXISTS (SELECT 1 FROM dataset s WHERE s.supersedes_id = d.id))
       AND EXISTS (SELECT 1 FROM fiscal_fact f WHERE f.dataset_id = d.id AND f.indicator = @key)
     ORDER BY d.id DESC LIMIT 1`,
  );
  for (const key of FISCAL) {
    const row = find.get({ key, named: named.length ? JSON.stringify(named) : null }) as FiscalSource | undefined;
    if (row) out.set(key, row);
  }
  return out;
}

/**
 * Fiscal value of a unit and year on its current boundary: its own value plus every predecessor's
 * (through region_code_change, recursively, times the product of shares), as the compliance gatherer
 * does for spending and enrolment.
 */
function fiscalReader(db: Database.Database, sources: Map<FiscalKey, FiscalSource>) {
  const one = db.prepare('SELECT value FROM fiscal_fact WHERE dataset_id = ? AND region_code = ? AND year = ? AND indicator = ?').pluck();
  const predecessors = db.prepare(
    `WITH RECURSIVE src(code, share, depth) AS (
       SELECT old_code, share, 1 FROM region_code_change WHERE new_code = ?
       UNION ALL
       SELECT c.old_code, s.share * c.share, s.depth + 1 FROM src s JOIN region_code_change c ON c.new_code = s.code WHERE s.depth < 8
     ) SELECT code, share FROM src`,
  );
  return (code: string, year: number, key: FiscalKey): number | undefined => {
    const src = sources.get(key);
    if (!src) return undefined;
    let sum = one.get(src.id, code, year, key) as number | undefined;
    for (const p of predecessors.all(code) as { code: string; share: number }[]) {
      const v = one.get(src.id, p.code, year, key) as number | undefined;
      if (v !== undefined) sum = (sum ?? 0) + Math.round(v * p.share);
    }
    return sum;
  };
}

function enrolment(r: RegionInputs, year: number): { students: number; primary: number; junior: number } | undefined {
  const levels = r.facts.get(year);
  if (!levels) return undefined;
  let students = 0;
  let any = false;
  for (const [level, f] of levels) {
    if (level === 'all' || level === 'higher' || f.n === undefined) continue;
    students += f.n;
    any = true;
  }
  if (!any && levels.get('all')?.n !== undefined) return { students: levels.get('all')!.n!, primary: 0, junior: 0 };
  return any ? { students, primary: levels.get('primary')?.n ?? 0, junior: levels.get('junior')?.n ?? 0 } : undefined;
}

export function gatherSimInputs(db: Database.Database, q: SimQuery): SimInputs {
  const national = q.regionCode === NATIONAL;
  const region = national ? { code: NATIONAL, name: '全国', level: 'nation' } : (db.prepare('SELECT code, name, level FROM region WHERE code = ?').get(q.regionCode) as { code: string; name: string; level: string } | undefined);
  if (!region) throw new CodedError('bad_input', `地区 ${q.regionCode} 不存在 / region ${q.regionCode} does not exist`);
  const unitLevel = q.unitLevel ?? 'county';
  const order = ['nation', 'province', 'prefecture', 'county'];
  if (region.level === 'county') throw new CodedError('bad_input', `${region.name}（${region.code}）是县级，模拟需要其下辖县 / a simulation splits a pool among the counties under a province or prefecture`);
  if (order.indexOf(unitLevel) <= order.indexOf(region.level)) throw new CodedError('bad_input', `${region.name}（${region.code}）之下没有${unitLevel}级单位 / no ${unitLevel} units under ${region.code}`);
  const chosen = chooseDatasets(db, 'consolidated', q.datasetIds);
  if (!chosen.enrolment) throw new CodedError('not_found', '没有在校生数据集，无法按学生数分配 / no enrolment dataset: import one first');
  const sources = fiscalSources(db, q.datasetIds);
  const latest = db.prepare('SELECT max(year) FROM enrolment_fact WHERE dataset_id = ?').pluck().get(chosen.enrolment.id) as number | null;
  const year = q.year ?? latest;
  if (year === null || year === undefined) throw new CodedError('not_found', '在校生数据集为空 / the enrolment dataset is empty');
  const regions = gatherInputs(db, chosen, { govLevel: unitLevel, underRegion: national ? undefined : q.regionCode, fromYear: year - 1, toYear: year });
  const meta = db.prepare('SELECT dev_tier AS tier, urban_rural AS urbanRural FROM region WHERE code = ?');
  const fiscal = fiscalReader(db, sources);
  const figures = (r: RegionInputs, y: number): YearFigures | null => {
    const en = enrolment(r, y);
    if (!en) return null;
    const e = totalSpending(r, y);
    return {
      ...en,
      population: fiscal(r.code, y, 'population') ?? 0,
      areaKm2: (fiscal(r.code, y, 'area') ?? 0) / 100,
      revenue: fiscal(r.code, y, 'gpb_revenue') ?? 0,
      expenditure: fiscal(r.code, y, 'gpb_expenditure') ?? 0,
      eduSpending: e ?? null,
    };
  };
  const units: SimUnit[] = [];
  for (const r of regions) {
    const current = figures(r, year);
    if (!current) continue;
    const m = meta.get(r.code) as { tier: number | null; urbanRural: 'urban' | 'rural' | null };
    units.push({ code: r.code, name: r.name, tier: m.tier, urbanRural: m.urbanRural, current, prior: figures(r, year - 1) });
  }
  if (units.length === 0) throw new CodedError('not_found', `${region.name} ${year} 年没有下辖单位的在校生数据 / no ${unitLevel} enrolment under ${region.code} in ${year}`);
  const datasets: SimDataset[] = [...datasetRefs(chosen).map((d) => ({ id: d.id, name: d.name, sha256: d.sha256 })), ...[...sources.values()].map((s) => ({ id: s.id, name: s.name, sha256: s.sha256, importedAt: s.importedAt }))];
  const unique = [...new Map(datasets.map((d) => [d.id, d])).values()].sort((a, b) => a.id - b.id);
  return { regionCode: region.code, regionName: region.name, year, units, datasets: unique, dataHash: sha256Hex(canonicalJson(units)) };
}
