// Where a file's regions lie, from its own rows: a district report lists 东城区, 西城区, 朝阳区 …
// with no 北京市 row above them, and 朝阳区 alone is ambiguous (北京 and 长春). When every row whose
// name is unique lies in one province (and, where they agree, one prefecture), an ambiguous name is
// resolved there — and the preview says so. Rows in two provinces decide nothing.
import type { RawRow } from './cells';
import type { FileRegionContext, RegionLookup } from './interpret';
import type { Mapping } from './mapping';
import { cellText } from './normalise';

const isMunicipalPseudo = (code: string) => /^(11|12|31|50)0[12]00$/.test(code);

export function fileRegionContext(rows: readonly RawRow[], mapping: Mapping, dataStart: number, lookup: RegionLookup): FileRegionContext | undefined {
  const src = mapping.fields.region;
  if (!src) return undefined;
  const codes = new Set<string>();
  let ambiguous = 0;
  for (const r of rows) {
    if (r.n < dataStart) continue;
    const text = 'constant' in src ? src.constant : cellText(r.cells[src.column] ?? null);
    if (text === '' || lookup.isTotal(text)) continue;
    const res = lookup.resolve(text);
    if (res.ok) codes.add(res.code);
    else if (res.reason === 'ambiguous') ambiguous++;
  }
  if (ambiguous === 0 || codes.size === 0) return undefined;
  const provinces = new Set([...codes].map((c) => `${c.slice(0, 2)}0000`));
  if (provinces.size !== 1) return undefined;
  const provinceCode = [...provinces][0]!;
  const counties = [...codes].filter((c) => c.slice(4) !== '00');
  const prefectures = new Set(counties.map((c) => `${c.slice(0, 4)}00`));
  const parentCode = counties.length === codes.size && prefectures.size === 1 ? [...prefectures][0]! : undefined;
  const usableParent = parentCode && !isMunicipalPseudo(parentCode) && lookup.nameOf?.(parentCode) ? parentCode : undefined;
  const label = [lookup.nameOf?.(provinceCode)?.name ?? provinceCode, usableParent ? lookup.nameOf?.(usableParent)?.name : undefined].filter(Boolean).join('');
  return { provinceCode, ...(usableParent ? { parentCode: usableParent } : {}), label };
}
