// Province → prefectures → counties, with search. 省直辖县 sit directly under the province;
// retired codes (after a code change) stay visible, greyed, for their historical years.
import { useMemo, useState } from 'react';
import type { RegionInfo } from '../../../core/ipc/schemas';
import { useI18n } from '../i18n/i18n';

type Node = { region: RegionInfo; children: Node[] };

const NATIONAL = '000000';

/** A region's parent in the tree: its own, or 全国 for a province when the database holds 全国. */
function parentOf(r: RegionInfo, has: (code: string) => boolean): string | null {
  return r.parentCode ?? (r.level === 'province' && has(NATIONAL) ? NATIONAL : null);
}

export function buildTree(regions: readonly RegionInfo[]): Node[] {
  const nodes = new Map(regions.map((r) => [r.code, { region: r, children: [] as Node[] }]));
  const roots: Node[] = [];
  for (const n of nodes.values()) {
    const code = parentOf(n.region, (c) => nodes.has(c));
    const parent = code ? nodes.get(code) : undefined;
    (parent ? parent.children : roots).push(n);
  }
  // Prefectures before 省直辖县 under a province; codes in order within each group.
  const sort = (list: Node[]) => {
    list.sort((a, b) => (a.region.level === b.region.level ? a.region.code.localeCompare(b.region.code) : a.region.level === 'prefecture' ? -1 : 1));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

function matches(n: Node, q: string): boolean {
  return n.region.name.includes(q) || n.region.code.startsWith(q) || n.children.some((c) => matches(c, q));
}

export function RegionTree({ regions, selected, onSelect }: { regions: readonly RegionInfo[]; selected: string | null; onSelect: (code: string) => void }) {
  const { t } = useI18n();
  const tree = useMemo(() => buildTree(regions), [regions]);
  const [query, setQuery] = useState('');
  // The roots open, and under 全国 the provinces too (as when they were the roots).
  const [open, setOpen] = useState<Set<string>>(() => new Set(tree.flatMap((n) => [n.region.code, ...(n.region.level === 'national' ? n.children.map((c) => c.region.code) : [])])));
  const q = query.trim();

  // Keep the selected region's ancestors open.
  const selectedPath = useMemo(() => {
    const byCode = new Map(regions.map((r) => [r.code, r]));
    const path = new Set<string>();
    let r = selected ? byCode.get(selected) : undefined;
    for (let p = r ? parentOf(r, (c) => byCode.has(c)) : null; p !== null; p = r ? parentOf(r, (c) => byCode.has(c)) : null) {
      path.add(p);
      r = byCode.get(p);
    }
    return path;
  }, [regions, selected]);

  const toggle = (code: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  const render = (n: Node, depth: number) => {
    if (q && !matches(n, q)) return null;
    const code = n.region.code;
    const isOpen = q !== '' || open.has(code) || selectedPath.has(code);
    const retired = n.region.validTo !== null;
    return (
      <li key={code} role="treeitem" aria-expanded={n.children.length ? isOpen : undefined} aria-selected={selected === code}>
        <div className={`tree-row depth-${depth}${selected === code ? ' selected' : ''}${retired ? ' retired' : ''}`}>
          {n.children.length ? (
            <button type="button" className="tree-toggle" aria-label={isOpen ? '−' : '+'} onClick={() => toggle(code)}>
              {isOpen ? '▾' : '▸'}
            </button>
          ) : (
            <span className="tree-toggle-spacer" />
          )}
          <button type="button" className="tree-label" data-testid={`region-${code}`} onClick={() => onSelect(code)} title={code}>
            <span className="tree-name">{n.region.name}</span>
            {retired && <span className="tree-tag">{t('retired')} {n.region.validTo?.slice(0, 4)}</span>}
            <span className="tree-code">{code}</span>
          </button>
        </div>
        {n.children.length > 0 && isOpen && <ul role="group">{n.children.map((c) => render(c, depth + 1))}</ul>}
      </li>
    );
  };

  return (
    <nav className="region-tree" aria-label={t('regions')}>
      <input className="tree-search" type="search" placeholder={t('searchRegions')} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="region-search" />
      <ul role="tree">{tree.map((n) => render(n, 0))}</ul>
    </nav>
  );
}
