// Regions × years for one rule: each cell pass/fail/n-a by symbol and colour (never colour alone),
// with the crosswalk, restated-base and note marks; a click opens the drill-down. At national
// scale the rows are filtered (province, prefecture, failures only, search) and only the rows in
// view are drawn.
import { useMemo, useState } from 'react';
import type { Annotation, Provenance } from '../../../../core/compliance/types';
import { hasCrosswalk, hasRestatedBase, statusName, type MatrixData } from '../../../../core/compliance/view-arrow';
import { useEngine } from '../../bridge/engine-context';
import { useDownload } from '../../bridge/use-download';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ExportButtons } from '../../components/ExportButtons';
import { useVirtualRows } from '../../components/use-virtual-rows';
import { useEngineQuery } from '../../hooks/use-engine-query';
import { useI18n } from '../../i18n/i18n';
import type { Cell } from './cell';
import { provenanceLines } from './SourcesLine';
import { complianceText } from './text';

const SYMBOL = { pass: '✓', fail: '✗', na: '—' } as const;
const ROW_HEIGHT = 30;
const VIEWPORT = 520;
const FAIL = 1;

type Ancestors = Map<string, { province: string | null; prefecture: string | null }>;

/** Each region's province and prefecture from the region tree (省直辖县 have no prefecture). */
function useAncestors(): { ancestors: Ancestors; names: Map<string, string> } {
  const tree = useEngineQuery('regions.tree', {});
  return useMemo(() => {
    const regions = tree.state.status === 'ready' ? tree.state.value.regions : [];
    const byCode = new Map(regions.map((r) => [r.code, r]));
    const ancestors: Ancestors = new Map();
    for (const r of regions) {
      let province: string | null = null;
      let prefecture: string | null = null;
      for (let at: typeof r | undefined = r, depth = 0; at && depth < 6; at = at.parentCode ? byCode.get(at.parentCode) : undefined, depth++) {
        if (at.level === 'province') province = at.code;
        if (at.level === 'prefecture') prefecture = at.code;
      }
      ancestors.set(r.code, { province, prefecture });
    }
    return { ancestors, names: new Map(regions.map((r) => [r.code, r.name])) };
  }, [tree.state]);
}

export function Matrix({ query, data, annotations, ruleName, selected, onSelect, provenance, appVersion }: {
  /** The question these results answer (rule, level, scope, divisor), as data-query. */
  query: string;
  data: MatrixData;
  /** Notes on the region's own rows (level null) mark their cells with ✎. */
  annotations: readonly Annotation[];
  ruleName: string;
  selected: Cell | null;
  onSelect: (c: Cell) => void;
  provenance: Provenance;
  appVersion: string;
}) {
  const { lang, t: tt } = useI18n();
  const t = complianceText(lang);
  const engine = useEngine();
  const { busy, error, download } = useDownload();
  const { ancestors, names } = useAncestors();
  const [province, setProvince] = useState('');
  const [prefecture, setPrefecture] = useState('');
  const [failuresOnly, setFailuresOnly] = useState(false);
  const [search, setSearch] = useState('');
  const { regions, years, status, flags } = data;
  const Y = years.length;
  const noted = useMemo(() => new Set(annotations.filter((a) => a.level === null).map((a) => `${a.regionCode}|${a.year}`)), [annotations]);

  // Which filters make sense: the provinces and prefectures the matrix's regions belong to.
  const { provinces, prefectures } = useMemo(() => {
    const pv = new Set<string>();
    const pf = new Set<string>();
    for (const r of regions) {
      const a = ancestors.get(r.code);
      if (a?.province && a.province !== r.code) pv.add(a.province);
      if (a?.prefecture && a.prefecture !== r.code && (province === '' || a.province === province)) pf.add(a.prefecture);
    }
    return { provinces: [...pv].sort(), prefectures: [...pf].sort() };
  }, [regions, ancestors, province]);

  const failing = useMemo(() => {
    const out = new Uint8Array(regions.length);
    for (let i = 0; i < regions.length; i++) for (let y = 0; y < Y; y++) if (status[i * Y + y] === FAIL) out[i] = 1;
    return out;
  }, [regions, status, Y]);

  const rows = useMemo(() => {
    const q = search.trim();
    const out: number[] = [];
    for (let i = 0; i < regions.length; i++) {
      const r = regions[i]!;
      if (failuresOnly && !failing[i]) continue;
      const a = ancestors.get(r.code);
      if (province && a?.province !== province) continue;
      if (prefecture && a?.prefecture !== prefecture) continue;
      if (q && !r.name.includes(q) && !r.code.startsWith(q)) continue;
      out.push(i);
    }
    return out;
  }, [regions, failing, failuresOnly, province, prefecture, search, ancestors]);

  const win = useVirtualRows(rows.length, ROW_HEIGHT, VIEWPORT);

  const save = (format: 'xlsx' | 'csv') =>
    void download(format, () =>
      engine.call('table.export', {
        format,
        fileStem: `${t('exportMatrixStem')}_${ruleName}`,
        table: {
          title: `${t('matrix')} — ${ruleName}`,
          columns: [{ header: t('code'), key: 'code', kind: 'text' }, { header: t('region'), key: 'region', kind: 'text', width: 18 }, ...years.map((y) => ({ header: String(y), key: String(y), kind: 'text' as const }))],
          rows: rows.map((i) => ({ code: regions[i]!.code, region: regions[i]!.name, ...Object.fromEntries(years.map((y, yi) => [String(y), statusWord(i, yi)])) })),
          provenance: [`${t('rule')}: ${ruleName}`, ...provenanceLines(provenance, t, tt), `${tt('appTitle')} ${appVersion}`],
        },
      }),
    );
  function cellTitle(name: string, y: number, st: ReturnType<typeof statusName>, g: string | null): string {
    return `${name} ${y}: ${t(st)}${g ? ` (${g}%)` : ''}`;
  }
  function statusWord(i: number, yi: number): string | null {
    const s = status[i * Y + yi]!;
    if (s < 0) return null;
    const notes = annotations.filter((a) => a.level === null && a.regionCode === regions[i]!.code && a.year === years[yi]);
    return `${t(statusName(s))}${notes.length ? ` (${t('annotation')}: ${notes.map((a) => a.text).join('; ')})` : ''}`;
  }

  return (
    <section className="card" data-testid="compliance-matrix" data-query={query} data-filters={`${province}|${prefecture}|${failuresOnly}|${search}`}>
      <div className="card-head">
        <h3>
          {t('matrix')} <span className="muted small" data-testid="matrix-count">{t('matrixCount', { shown: rows.length.toLocaleString('en-US'), total: regions.length.toLocaleString('en-US') })}</span>
        </h3>
        <ExportButtons formats={['xlsx', 'csv']} busy={busy as 'xlsx' | 'csv' | null} onExport={(f) => f !== 'arrow' && save(f)} testIdPrefix="matrix-export" />
      </div>
      {error && <ErrorBanner error={error} />}
      <div className="controls-row" data-testid="matrix-filters">
        {provinces.length > 1 && (
          <select data-testid="matrix-province" aria-label={tt('province')} value={province} onChange={(e) => { setProvince(e.target.value); setPrefecture(''); }}>
            <option value="">{t('allProvinces')}</option>
            {provinces.map((c) => (
              <option key={c} value={c}>{names.get(c) ?? c}</option>
            ))}
          </select>
        )}
        {prefectures.length > 1 && (
          <select data-testid="matrix-prefecture" aria-label={tt('prefecture')} value={prefecture} onChange={(e) => setPrefecture(e.target.value)}>
            <option value="">{t('allPrefectures')}</option>
            {prefectures.map((c) => (
              <option key={c} value={c}>{names.get(c) ?? c}</option>
            ))}
          </select>
        )}
        <input data-testid="matrix-search" type="search" placeholder={t('searchRegion')} aria-label={t('searchRegion')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <label>
          <input type="checkbox" data-testid="matrix-failures-only" checked={failuresOnly} onChange={(e) => setFailuresOnly(e.target.checked)} /> {t('failuresOnly')}
        </label>
      </div>
      <p className="muted small">{t('matrixHint')}</p>
      {rows.length === 0 ? (
        <p className="muted" data-testid="matrix-empty">{t('noMatch')}</p>
      ) : (
        <div className="matrix-scroll" key={`${province}|${prefecture}|${failuresOnly}|${search}`} onScroll={win.onScroll} style={{ maxHeight: VIEWPORT }}>
          <table className="data-table matrix">
            <thead>
              <tr>
                <th>{t('region')}</th>
                {years.map((y) => (
                  <th key={y}>{y}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {win.padTop > 0 && <tr className="virtual-spacer" aria-hidden="true" style={{ height: win.padTop }} />}
              {rows.slice(win.start, win.end).map((i) => {
                const { code, name } = regions[i]!;
                return (
                  <tr key={code} style={win.virtual ? { height: ROW_HEIGHT } : undefined}>
                    <th scope="row">
                      {name} <span className="code">{code}</span>
                    </th>
                    {years.map((y, yi) => {
                      const at = i * Y + yi;
                      const s = status[at]!;
                      if (s < 0) return <td key={y} className="cell-empty" />;
                      const st = statusName(s);
                      const isSelected = selected?.regionCode === code && selected.year === y;
                      const f = flags[at]!;
                      const marks = `${hasCrosswalk(f) ? '⇄' : ''}${hasRestatedBase(f) ? '※' : ''}${noted.has(`${code}|${y}`) ? '✎' : ''}`;
                      return (
                        <td key={y} className={`cell-${st}${isSelected ? ' selected' : ''}`}>
                          <button type="button" data-testid={`matrix-cell-${code}-${y}`} data-status={st} title={cellTitle(name, y, st, data.growth(at))} onClick={() => onSelect({ regionCode: code, year: y })}>
                            {SYMBOL[st]}
                            {marks && <sup>{marks}</sup>}
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
              {win.padBottom > 0 && <tr className="virtual-spacer" aria-hidden="true" style={{ height: win.padBottom }} />}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
