// Province → prefectures → counties, with search. 省直辖县 sit directly under the province;
// retired codes (after a code change) stay visible, greyed, for their historical years.
import { useMemo, useState, type KeyboardEvent } from 'react';
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
      <li key={code} data-code={code} role="treeitem" aria-expanded={n.children.length ? isOpen : undefined} aria-selected={selected === code}>
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

  // Arrow keys move between the visible regions (a tree's usual keys): ↑/↓ previous/next, → expands
  // or enters the first child, ← collapses or goes to the parent, Home/End; Enter chooses (button).
  const onTreeKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const labels = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('.tree-label')];
    const i = labels.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    const item = labels[i]!.closest('li')!;
    const code = item.dataset.code!;
    const hasChildren = item.getAttribute('aria-expanded') !== null;
    const expanded = item.getAttribute('aria-expanded') === 'true';
    const focus = (b: HTMLButtonElement | undefined) => b?.focus();
    switch (e.key) {
      case 'ArrowDown':
        focus(labels[i + 1]);
        break;
      case 'ArrowUp':
        focus(labels[i - 1]);
        break;
      case 'Home':
        focus(labels[0]);
        break;
      case 'End':
        focus(labels[labels.length - 1]);
        break;
      case 'ArrowRight':
        if (hasChildren && !expanded) toggle(code);
        else if (expanded) focus(labels[i + 1]);
        break;
      case 'ArrowLeft':
        if (expanded && !selectedPath.has(code) && q === '') toggle(code);
        else focus(item.parentElement?.closest('li')?.querySelector<HTMLButtonElement>(':scope > .tree-row > .tree-label') ?? undefined);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <nav className="region-tree" aria-label={t('regions')}>
      <input className="tree-search" type="search" placeholder={t('searchRegions')} value={query} onChange={(e) => setQuery(e.target.value)}
        // ↓ from the search box enters the tree at its first (matching) region.
        onKeyDown={(e) => {
          if (e.key !== 'ArrowDown') return;
          e.preventDefault();
          e.currentTarget.parentElement?.querySelector<HTMLButtonElement>('.tree-label')?.focus();
        }}
        data-testid="region-search"
      />
      <ul role="tree" onKeyDown={onTreeKey}>{tree.map((n) => render(n, 0))}</ul>
    </nav>
  );
}
