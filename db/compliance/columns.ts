// Column packs of datasets (migration 0004 fact_columns): a dataset's facts as typed arrays, made
// once on first use and read back as one blob. Layout, n rows:
//   value f64[n] · extra f64[n] (NaN = none) · code u32[n] · year u16[n] · key u8[n]
// Expenditure keeps only the coarsest budget-function rows of each region-year-level (a source
// that gives both 205 and its breakdown would otherwise count twice); enrolment only autumn counts.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

export type PackKind = 'expenditure' | 'enrolment' | 'bulletin' | 'fiscal';

export type Columns = { codes: string[]; keys: string[]; value: Float64Array; extra: Float64Array; code: Uint32Array; year: Uint16Array; key: Uint8Array; rows: number };

const SOURCE_SQL: Record<PackKind, string> = {
  expenditure: `SELECT region_code, year, level, amount_fen, restated_prior_fen FROM expenditure_fact f
                WHERE dataset_id = @id AND (NOT @mixed OR length(f.func_code) = (SELECT MIN(length(g.func_code)) FROM expenditure_fact g
                  WHERE g.dataset_id = f.dataset_id AND g.region_code = f.region_code AND g.year = f.year AND g.level = f.level))`,
  enrolment: `SELECT region_code, year, level, students, NULL FROM enrolment_fact WHERE dataset_id = @id AND count_basis = 'autumn'`,
  bulletin: `SELECT region_code, year, level || '|' || measure, amount_fen, restated_prior_fen FROM bulletin_fact WHERE dataset_id = @id`,
  fiscal: `SELECT region_code, year, indicator, value, NULL FROM fiscal_fact WHERE dataset_id = @id`,
};

/** The pack a dataset kind gets, or null when the compliance check does not pack it. */
export function packKindOf(datasetKind: string): PackKind | null {
  return datasetKind === 'expenditure' || datasetKind === 'enrolment' || datasetKind === 'bulletin' || datasetKind === 'fiscal' ? datasetKind : null;
}

/** SHA-256 of a stored pack: its row count, code and key lists, and the blob. */
export function packDigest(rows: number, codes: string, keys: string, blob: Buffer): string {
  return createHash('sha256').update(`${rows}\n${codes}\n${keys}\n`, 'utf8').update(blob).digest('hex');
}

/** SHA-256 of the pack made from the dataset's facts now (recorded in its content seal at import). */
export function packDigestOf(db: Database.Database, kind: PackKind, id: number): string {
  const c = pack(db, kind, id);
  return packDigest(c.rows, JSON.stringify(c.codes), JSON.stringify(c.keys), toBlob(c));
}

/**
 * The pack digest the dataset was sealed with at import (db/audit/content.ts), or null when the
 * dataset has no seal (a database from before seals, opened read-only).
 */
function sealedPackDigest(db: Database.Database, dataset: { id: number; sha256: string }): string | null {
  try {
    const after = db.prepare(`SELECT after FROM audit_log WHERE entity = 'dataset_content' AND entity_id = ? ORDER BY seq DESC LIMIT 1`).pluck().get(String(dataset.id)) as string | null | undefined;
    if (!after) return null;
    const seal = JSON.parse(after) as { sha256?: string; packSha256?: string | null };
    return seal.sha256 === dataset.sha256 && typeof seal.packSha256 === 'string' ? seal.packSha256 : null;
  } catch {
    return null;
  }
}

function pack(db: Database.Database, kind: PackKind, id: number): Columns {
  const mixed = kind === 'expenditure' && db.prepare(`SELECT 1 FROM expenditure_fact WHERE dataset_id = ? AND func_code <> '205' LIMIT 1`).get(id) !== undefined ? 1 : 0;
  const rows = db.prepare(SOURCE_SQL[kind]).raw().all(kind === 'expenditure' ? { id, mixed } : { id }) as [string, number, string, number, number | null][];
  const n = rows.length;
  const codes: string[] = [];
  const keys: string[] = [];
  const codeIdx = new Map<string, number>();
  const keyIdx = new Map<string, number>();
  const c: Columns = { codes, keys, value: new Float64Array(n), extra: new Float64Array(n), code: new Uint32Array(n), year: new Uint16Array(n), key: new Uint8Array(n), rows: n };
  for (let i = 0; i < n; i++) {
    const [code, year, key, value, extra] = rows[i]!;
    let ci = codeIdx.get(code);
    if (ci === undefined) codeIdx.set(code, (ci = codes.push(code) - 1));
    let ki = keyIdx.get(key);
    if (ki === undefined) keyIdx.set(key, (ki = keys.push(key) - 1));
    if (ki > 255) throw new RangeError(`dataset ${id}: more than 256 distinct keys`);
    c.value[i] = value;
    c.extra[i] = extra ?? Number.NaN;
    c.code[i] = ci;
    c.year[i] = year;
    c.key[i] = ki;
  }
  return c;
}

function toBlob(c: Columns): Buffer {
  const n = c.rows;
  const buf = Buffer.alloc(n * 23);
  Buffer.from(c.value.buffer, c.value.byteOffset, n * 8).copy(buf, 0);
  Buffer.from(c.extra.buffer, c.extra.byteOffset, n * 8).copy(buf, n * 8);
  Buffer.from(c.code.buffer, c.code.byteOffset, n * 4).copy(buf, n * 16);
  Buffer.from(c.year.buffer, c.year.byteOffset, n * 2).copy(buf, n * 20);
  Buffer.from(c.key.buffer, c.key.byteOffset, n).copy(buf, n * 22);
  return buf;
}

function fromBlob(blob: Buffer, n: number, codes: string[], keys: string[]): Columns {
  // Copy into a fresh aligned buffer: typed arrays need offsets aligned to their element size.
  const ab = new ArrayBuffer(blob.length);
  new Uint8Array(ab).set(blob);
  return {
    codes,
    keys,
    rows: n,
    value: new Float64Array(ab, 0, n),
    extra: new Float64Array(ab, n * 8, n),
    code: new Uint32Array(ab, n * 16, n),
    year: new Uint16Array(ab, n * 20, n),
    key: new Uint8Array(ab, n * 22, n),
  };
}

// Packs already read, per connection: datasets are immutable, so a pack never goes stale while its
// id and SHA-256 match. A few packs only (a national fiscal pack is ~13 MB).
const MEMORY = new WeakMap<Database.Database, Map<string, Columns>>();
const KEEP = 8;

/** The dataset's column pack, made and stored on first use. */
export function datasetColumns(db: Database.Database, kind: PackKind, dataset: { id: number; sha256: string; importedAt?: string }): Columns {
  let mem = MEMORY.get(db);
  if (!mem) MEMORY.set(db, (mem = new Map()));
  // imported_at too: an id freed by a deleted dataset and reused for the same file is a new dataset.
  const memKey = `${dataset.id}|${dataset.sha256}|${dataset.importedAt ?? ''}`;
  const cached = mem.get(memKey);
  if (cached) return cached;
  const c = readOrPack(db, kind, dataset);
  if (mem.size >= KEEP) mem.delete(mem.keys().next().value as string);
  mem.set(memKey, c);
  return c;
}

function readOrPack(db: Database.Database, kind: PackKind, dataset: { id: number; sha256: string }): Columns {
  let hit: { n: number; codes: string; keys: string; data: Buffer } | undefined;
  try {
    hit = db.prepare('SELECT row_count AS n, codes, keys, data FROM fact_columns WHERE dataset_id = ? AND sha256 = ?').get(dataset.id, dataset.sha256) as typeof hit;
  } catch (e) {
    // A development database migrated by an earlier draft of 0004 lacks the table: pack in memory.
    if (e instanceof Error && /no such table/.test(e.message)) return pack(db, kind, dataset.id);
    throw e;
  }
  // A stored pack is a cache anyone with the file can edit: it is used only when its digest is the
  // one sealed in the audit log at import; otherwise it is rebuilt from the facts.
  const sealed = sealedPackDigest(db, dataset);
  if (hit && sealed !== null && packDigest(hit.n, hit.codes, hit.keys, hit.data) === sealed) return fromBlob(hit.data, hit.n, JSON.parse(hit.codes) as string[], JSON.parse(hit.keys) as string[]);
  const c = pack(db, kind, dataset.id);
  const blob = toBlob(c);
  const codes = JSON.stringify(c.codes);
  const keys = JSON.stringify(c.keys);
  // Store only a pack that matches its seal: a pack made from changed facts is not kept (the
  // change is for `wb audit verify` to report), nor one of an unsealed dataset.
  if (db.readonly || sealed === null || packDigest(c.rows, codes, keys, blob) !== sealed) return c;
  try {
    db.prepare('INSERT OR REPLACE INTO fact_columns (dataset_id, sha256, row_count, codes, keys, data) VALUES (?, ?, ?, ?, ?, ?)').run(dataset.id, dataset.sha256, c.rows, codes, keys, blob);
  } catch (e) {
    // A read-only or busy database still answers the check; the pack is made again next time.
    if (!(e instanceof Error && /readonly|busy|locked/i.test(e.message))) throw e;
  }
  return c;
}
