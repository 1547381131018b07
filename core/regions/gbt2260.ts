// GB/T 2260 six-digit administrative division codes (docs/domain.md#region-codes).
// digits 1–2 province, 3–4 prefecture, 5–6 county. xx90xx = 省直辖县级行政区划 (no prefecture
// parent). Municipalities (11, 12, 31, 50) have the pseudo-prefectures xx01 (市辖区) and xx02 (县).

export type RegionLevel = 'province' | 'prefecture' | 'county';

export const MUNICIPALITY_PROVINCES = new Set(['11', '12', '31', '50']);

const CODE = /^[1-9]\d{5}$/;

export function isRegionCode(code: string): boolean {
  return CODE.test(code);
}

export function provinceOf(code: string): string {
  return code.slice(0, 2) + '0000';
}

export function levelOfCode(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'prefecture';
  return 'county';
}

export function isProvincialDirectCounty(code: string): boolean {
  return levelOfCode(code) === 'county' && code.slice(2, 4) === '90';
}

export function isMunicipality(code: string): boolean {
  return MUNICIPALITY_PROVINCES.has(code.slice(0, 2));
}

/**
 * The parent a code implies by its digits. 省直辖县 attach to the province. A municipality's
 * districts hang under their pseudo-prefecture (110100 市辖区), which hangs under the province.
 */
export function impliedParent(code: string): string | null {
  switch (levelOfCode(code)) {
    case 'province':
      return null;
    case 'prefecture':
      return provinceOf(code);
    case 'county':
      return isProvincialDirectCounty(code) ? provinceOf(code) : code.slice(0, 4) + '00';
  }
}

/** What kind of unit a region is (the CHECK on region.kind in db/migrations/0001_foundation.sql). */
export const REGION_KINDS = [
  'province', 'autonomous_region', 'municipality', 'sar',
  'prefecture_city', 'prefecture', 'autonomous_prefecture', 'league', 'municipal_pseudo',
  'district', 'county', 'autonomous_county', 'banner', 'county_city', 'forest_area', 'special_area',
] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

/** The level each kind belongs to. */
export const LEVEL_OF_KIND: Readonly<Record<RegionKind, RegionLevel>> = {
  province: 'province', autonomous_region: 'province', municipality: 'province', sar: 'province',
  prefecture_city: 'prefecture', prefecture: 'prefecture', autonomous_prefecture: 'prefecture', league: 'prefecture', municipal_pseudo: 'prefecture',
  district: 'county', county: 'county', autonomous_county: 'county', banner: 'county', county_city: 'county', forest_area: 'county', special_area: 'county',
};

export function isRegionKind(kind: string): kind is RegionKind {
  return (REGION_KINDS as readonly string[]).includes(kind);
}

/** A municipality's pseudo-prefecture (110100 市辖区, 500200 县): a code, not a place anyone names. */
export function isMunicipalPseudo(code: string): boolean {
  return isMunicipality(code) && levelOfCode(code) === 'prefecture';
}
