// A labelled choice of region with a search box: the options grouped by province, in tree order,
// each shown as "名称 · 上级（代码）" so that every county and every 市辖区 can be found and told apart.
// Shared by the views that work on one region at a time (simulator, brief, student aid).
import { useMemo, useState } from 'react';
import type { RegionInfo } from '../../../core/ipc/schemas';
import { useI18n } from '../i18n/i18n';
import { filterRegionGroups, groupRegionChoices } from './region-choices';

type Named = Pick<RegionInfo, 'code' | 'name' | 'level' | 'parentCode'>;

export function RegionSelect({ label, testId, regions, all, value, onChange }: {
  label: string;
  testId: string;
  /** The regions offered. */
  regions: readonly Named[];
  /** The whole region tree, for parent and province names (defaults to `regions`). */
  all?: readonly Named[];
  value: string;
  onChange: (code: string) => void;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => groupRegionChoices(regions, all ?? regions), [regions, all]);
  const shown = useMemo(() => filterRegionGroups(groups, query, value), [groups, query, value]);
  const matching = shown.flatMap((g) => g.choices).filter((c) => c.searchText.includes(query.trim()));
  const matches = matching.length;
  const firstMatch = matching[0];
  return (
    <span className="region-select">
      <label>
        {label}{' '}
        <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
          {shown.map((g) =>
            shown.length === 1 && groups.length === 1 ? (
              g.choices.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label}
                </option>
              ))
            ) : (
              <optgroup key={g.code} label={g.province}>
                {g.choices.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.label}
                  </option>
                ))}
              </optgroup>
            ),
          )}
        </select>
      </label>
      <input
        type="search"
        className="region-select-search"
        data-testid={`${testId}-search`}
        aria-label={t('searchRegions')}
        placeholder={t('searchRegions')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        // Enter takes the first match, so a region is chosen without leaving the keyboard.
        onKeyDown={(e) => {
          if (e.key === 'Enter' && firstMatch && query.trim()) {
            e.preventDefault();
            onChange(firstMatch.code);
          }
        }}
      />
      {query.trim() && (
        <span className="muted region-select-count" data-testid={`${testId}-matches`} data-count={matches}>
          {t('regionMatches', { n: matches })}
        </span>
      )}
    </span>
  );
}
