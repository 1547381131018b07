// Regions for an import: the shipped GB/T 2260 list (so real names resolve with no set-up) plus
// whatever the database already holds (the synthetic 示范省, imported region lists). Regions that a
// dataset uses are added to the database on first use, with their ancestors.
import type Database from 'better-sqlite3';
import type { RegionLookup } from '../../core/import/interpret';
import { createRegionResolver, type ResolverEntry } from '../../core/regions/resolve';
import { loadRegionList, type RegionListEntry } from '../data/region-list';

export type RegionDirectory = {
  lookup: RegionLookup;
  ensure(db: Database.Database, code: string): void;
  /** The transaction that inserted regions was rolled back: they are no longer in the database. */
  discardPending(): void;
  /** The transaction committed: what it inserted is now held. */
  keepPending(): void;
};

/**
 * Provinces' tier in the central cost-sharing scheme (国办发〔2018〕6号, docs/domain.md#cost-sharing-tiers), stored as the
 * development tier: 1 = 第一档 (least developed, 80 % central share) … 5 = 第五档.
 */
const PROVINCE_TIER: Record<string, 1 | 2 | 3 | 4 | 5> = {
  '15': 1, '45': 1, '50': 1, '51': 1, '52': 1, '53': 1, '54': 1, '61': 1, '62': 1, '63': 1, '64': 1, '65': 1,
  '13': 2, '14': 2, '22': 2, '23': 2, '34': 2, '36': 2, '41': 2, '42': 2, '43': 2, '46': 2,
  '21': 3, '37': 3, '35': 3,
  '12': 4, '32': 4, '33': 4, '44': 4,
  '11': 5, '31': 5,
};

let shipped: { list: RegionListEntry[]; byCode: Map<string, RegionListEntry> } | null = null;
function shippedList() {
  if (!shipped) {
    const list = loadRegionList();
    shipped = { list, byCode: new Map(list.map((r) => [r.code, r])) };
  }
  return shipped;
}

export function createRegionDirectory(db: Database.Database): RegionDirectory {
  const { list, byCode } = shippedList();
  // 全国 (000000) is not a name to resolve: the importer recognises its labels itself (isNationalLabel).
  const held = db.prepare(`SELECT code, name, short_name AS shortName, level, parent_code AS parentCode, valid_to AS validTo FROM region WHERE level <> 'national'`).all() as ResolverEntry[];
  const national = db.prepare(`SELECT 1 FROM region WHERE code = '000000'`).get() !== undefined;
  // Held regions after the shipped list: the user's own names win where codes coincide.
  const resolver = createRegionResolver([...list, ...held]);
  const known = new Set(held.map((r) => r.code));
  // Inserted inside the open transaction; forgotten again if it rolls back.
  const pending = new Set<string>();
  const insert = db.prepare('INSERT OR IGNORE INTO region (code, name, short_name, level, kind, parent_code, dev_tier) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const ensure = (conn: Database.Database, code: string): void => {
    if (known.has(code)) return;
    const entry = byCode.get(code);
    if (!entry) return; // a held region (known) or a code the resolver would not have produced
    if (entry.parentCode) ensure(conn, entry.parentCode);
    (conn === db ? insert : conn.prepare(insert.source)).run(entry.code, entry.name, entry.shortName, entry.level, entry.kind, entry.parentCode, entry.level === 'province' ? (PROVINCE_TIER[entry.code.slice(0, 2)] ?? null) : null);
    known.add(code);
    pending.add(code);
  };
  return {
    lookup: {
      resolve: (text, context) => resolver.resolve(text, context),
      isTotal: (text) => resolver.isTotal(text),
      hasNational: () => national,
      nameOf: (code) => {
        const e = resolver.get(code);
        return e ? { name: e.name, shortName: e.shortName } : undefined;
      },
    },
    ensure,
    discardPending: () => {
      for (const code of pending) known.delete(code);
      pending.clear();
    },
    keepPending: () => pending.clear(),
  };
}
