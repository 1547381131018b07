// The options of a region choice, grouped by province and in tree order (province, then each
// prefecture followed by its counties), each labelled with its parent's name so that the several
// "市辖区" of a national database (one per directly administered city) can be told apart.
import type { RegionInfo } from '../../../core/ipc/schemas';

export type RegionChoice = { code: string; name: string; label: string; depth: number; searchText: string };
export type RegionGroup = { province: string; code: string; choices: RegionChoice[] };

type Named = Pick<RegionInfo, 'code' | 'name' | 'level' | 'parentCode'>;

/** Groups of `choices` by province; `all` (the whole tree) supplies parent and province names. */
export function groupRegionChoices(choices: readonly Named[], all: readonly Named[]): RegionGroup[] {
  const byCode = new Map(all.map((r) => [r.code, r]));
  for (const r of choices) if (!byCode.has(r.code)) byCode.set(r.code, r);
  const provinceOf = (r: Named): Named => {
    let cur = r;
    for (let p = cur.parentCode ? byCode.get(cur.parentCode) : undefined; p; p = cur.parentCode ? byCode.get(cur.parentCode) : undefined) cur = p;
    return cur;
  };
  // Tree order: a prefecture's code sorts before its counties' (390100 < 390102 < 390200), and
  // 省直辖县 (39 90xx) after the prefectures, which is how the region tree shows them too.
  const sorted = [...choices].sort((a, b) => a.code.localeCompare(b.code));
  const groups = new Map<string, RegionGroup>();
  for (const r of sorted) {
    const province = provinceOf(r);
    let g = groups.get(province.code);
    if (!g) groups.set(province.code, (g = { province: province.name, code: province.code, choices: [] }));
    const parent = r.parentCode ? byCode.get(r.parentCode) : undefined;
    let depth = 0;
    for (let a = parent; a; a = a.parentCode ? byCode.get(a.parentCode) : undefined) depth++;
    // The parent is named unless it is the province heading the group (it would only repeat it).
    const context = parent && parent.code !== province.code ? ` · ${parent.name}` : parent && r.name === '市辖区' ? ` · ${parent.name}` : '';
    g.choices.push({
      code: r.code,
      name: r.name,
      label: `${'\u3000'.repeat(Math.max(0, depth - 1))}${r.name}${context}（${r.code}）`,
      depth,
      searchText: `${r.name} ${parent?.name ?? ''} ${province.name} ${r.code}`,
    });
  }
  return [...groups.values()];
}

/** The groups keeping only the choices whose name, parent, province or code contains the query. */
export function filterRegionGroups(groups: readonly RegionGroup[], query: string, keep: string): RegionGroup[] {
  const q = query.trim();
  if (!q) return [...groups];
  return groups
    .map((g) => ({ ...g, choices: g.choices.filter((c) => c.code === keep || c.searchText.includes(q)) }))
    .filter((g) => g.choices.length > 0);
}
