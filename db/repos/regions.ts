// Regions (GB/T 2260) and the code-change crosswalk.
import type Database from 'better-sqlite3';
import type { CodeChange, RegionInfo } from '../../core/ipc/schemas';

export type NewRegion = RegionInfo & { urbanRural: 'urban' | 'rural' | null };

export function insertRegions(db: Database.Database, regions: readonly NewRegion[]): void {
  const stmt = db.prepare(
    `INSERT INTO region (code, name, short_name, level, kind, parent_code, dev_tier, urban_rural, valid_from, valid_to)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Parents first, so the foreign key holds row by row.
  const order = { national: 0, province: 1, prefecture: 2, county: 3 } as const;
  for (const r of [...regions].sort((a, b) => order[a.level] - order[b.level])) {
    stmt.run(r.code, r.name, r.shortName, r.level, r.kind, r.parentCode, r.devTier, r.urbanRural, r.validFrom, r.validTo);
  }
}

export function insertCodeChanges(db: Database.Database, changes: readonly (CodeChange & { note?: string })[]): void {
  const stmt = db.prepare('INSERT INTO region_code_change (old_code, new_code, effective_date, kind, share, note) VALUES (?, ?, ?, ?, ?, ?)');
  for (const c of changes) stmt.run(c.oldCode, c.newCode, c.effectiveDate, c.kind, c.share, c.note ?? null);
}

type RegionRow = { code: string; name: string; short_name: string; level: RegionInfo['level']; kind: string; parent_code: string | null; dev_tier: number | null; valid_from: string | null; valid_to: string | null };

function toInfo(r: RegionRow): RegionInfo {
  return { code: r.code, name: r.name, shortName: r.short_name, level: r.level, kind: r.kind, parentCode: r.parent_code, devTier: r.dev_tier, validFrom: r.valid_from, validTo: r.valid_to };
}

export function listRegions(db: Database.Database): RegionInfo[] {
  return (db.prepare('SELECT * FROM region ORDER BY code').all() as RegionRow[]).map(toInfo);
}

export function getRegion(db: Database.Database, code: string): RegionInfo | undefined {
  const row = db.prepare('SELECT * FROM region WHERE code = ?').get(code) as RegionRow | undefined;
  return row && toInfo(row);
}

export function listCodeChanges(db: Database.Database): CodeChange[] {
  return db
    .prepare('SELECT old_code AS oldCode, new_code AS newCode, effective_date AS effectiveDate, kind, share FROM region_code_change ORDER BY effective_date, old_code')
    .all() as CodeChange[];
}

// The one crosswalk to current boundaries. Every reader (compliance, simulator, per-student view,
// drill-down) goes through it, so they agree on which predecessor codes count and with which
// shares. A predecessor reached twice along one path (a cycle in bad data) is not followed again.

export type BoundarySource = { code: string; share: number; via: CodeChange | null; depth: number };

function changesBySuccessor(db: Database.Database): Map<string, CodeChange[]> {
  const by = new Map<string, CodeChange[]>();
  for (const c of listCodeChanges(db)) {
    const list = by.get(c.newCode) ?? [];
    list.push(c);
    by.set(c.newCode, list);
  }
  return by;
}

function walk(code: string, by: Map<string, CodeChange[]>): BoundarySource[] {
  const out: BoundarySource[] = [{ code, share: 1, via: null, depth: 0 }];
  for (let i = 0; i < out.length; i++) {
    const current = out[i]!;
    for (const c of by.get(current.code) ?? []) {
      if (out.some((o) => o.code === c.oldCode)) continue; // a cycle in bad data must not loop forever
      out.push({ code: c.oldCode, share: current.share * c.share, via: c, depth: current.depth + 1 });
    }
  }
  return out;
}

/**
 * The codes whose facts make up `code` on its current boundary: itself (share 1) and, through
 * the crosswalk, every predecessor with the product of shares along the way.
 */
export function boundarySources(db: Database.Database, code: string): BoundarySource[] {
  return walk(code, changesBySuccessor(db));
}

export type BoundaryQuery = {
  govLevel: 'national' | 'province' | 'prefecture' | 'county';
  /** Only regions under (or equal to) this code. */
  underRegion?: string | undefined;
  /** Only these regions. */
  codes?: readonly string[] | undefined;
};

/** The current regions of one level (optionally under a region or among given codes) with their sources. */
export function currentBoundaries(db: Database.Database, q: BoundaryQuery): { code: string; name: string; sources: BoundarySource[] }[] {
  const prefix = !q.underRegion || q.underRegion === '000000' ? null : q.underRegion.endsWith('0000') ? `${q.underRegion.slice(0, 2)}%` : q.underRegion.endsWith('00') ? `${q.underRegion.slice(0, 4)}%` : q.underRegion;
  const targets = db
    .prepare(
      `SELECT code, name FROM region WHERE level = @level AND valid_to IS NULL AND (@prefix IS NULL OR code LIKE @prefix)
         AND (@codes IS NULL OR code IN (SELECT value FROM json_each(@codes))) ORDER BY code`,
    )
    .all({ level: q.govLevel, prefix, codes: q.codes ? JSON.stringify(q.codes) : null }) as { code: string; name: string }[];
  const by = changesBySuccessor(db);
  return targets.map((t) => ({ ...t, sources: walk(t.code, by) }));
}
