// The failures of the chosen rule: filtered by year, level, region and whether a note exists;
// sorted by any column on its exact value; exported with their notes and provenance.
import { useMemo, useState } from 'react';
import type { Provenance } from '../../../../core/compliance/types';
import type { FailureRow } from '../../../../core/compliance/view-arrow';
import type { MoneyUnit } from '../../../../core/money/fen';
import { useEngine } from '../../bridge/engine-context';
import { useDownload } from '../../bridge/use-download';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ExportButtons } from '../../components/ExportButtons';
import { nextSort, SortableHeaderRow, sortRows, type Column, type Sort } from '../../components/SortableTable';
import { useVirtualRows } from '../../components/use-virtual-rows';
import { levelName, unitLabel, useI18n } from '../../i18n/i18n';
import type { Cell } from './cell';
import { provenanceLines } from './SourcesLine';
import { complianceText } from './text';
import { percentText, sortNumber, valuePairText, valueText, valueUnitLabel } from './values';

export function FailureList({ failures, ruleName, unit, onSelect, provenance, appVersion }: {
  /** The rule's failing rows, every level. */
  failures: readonly FailureRow[];
  ruleName: string;
  unit: MoneyUnit;
  onSelect: (c: Cell) => void;
  provenance: Provenance;
  appVersion: string;
}) {
  const { lang, t: tt } = useI18n();
  const t = complianceText(lang);
  const engine = useEngine();
  const { busy, error, download } = useDownload();
  const [year, setYear] = useState<string>('');
  const [level, setLevel] = useState<string>('');
  const [text, setText] = useState('');
  const [unannotated, setUnannotated] = useState(false);
  const [sort, setSort] = useState<Sort>(null);
  const years = useMemo(() => [...new Set(failures.map((r) => r.year))].sort((a, b) => a - b), [failures]);
  const levels = useMemo(() => [...new Set(failures.map((r) => r.level ?? 'all'))], [failures]);
  const shown = useMemo(
    () =>
      failures.filter(
        (r) =>
          (year === '' || r.year === Number(year)) &&
          (level === '' || (r.level ?? 'all') === level) &&
          (text.trim() === '' || r.regionName.includes(text.trim()) || r.regionCode.startsWith(text.trim())) &&
          (!unannotated || r.annotations.length === 0),
      ),
    [failures, year, level, text, unannotated],
  );
  const unitOf = (r: FailureRow) => valueUnitLabel(r.valueUnit, unit, lang);
  const notes = (r: FailureRow) => r.annotations.map((a) => `${a.text}（${a.author}）`).join('；');

  const columns: Column<FailureRow>[] = [
    { key: 'region', header: t('region'), cell: (r) => <>{r.regionName} <span className="code">{r.regionCode}</span></>, sortValue: (r) => r.regionCode },
    { key: 'year', header: t('yearCol'), cell: (r) => r.year, sortValue: (r) => r.year, align: 'right' },
    { key: 'level', header: t('level'), cell: (r) => levelName(r.level ?? 'all', lang), sortValue: (r) => r.level ?? '' },
    { key: 'value', header: t('value'), cell: (r) => `${valuePairText(r.value, r.priorValue ?? r.benchmark, r.valueUnit, unit)[0] ?? '—'} ${unitOf(r)}`, sortValue: (r) => sortNumber(r.value), align: 'right' },
    { key: 'prior', header: t('prior'), cell: (r) => valuePairText(r.value, r.priorValue ?? r.benchmark, r.valueUnit, unit)[1] ?? '—', sortValue: (r) => sortNumber(r.priorValue), align: 'right' },
    { key: 'growth', header: t('growth'), cell: (r) => <span className="negative">{percentText(r.growth) ?? '—'}</span>, sortValue: (r) => sortNumber(r.growth), align: 'right' },
    { key: 'note', header: t('annotation'), cell: (r) => (r.annotations.length ? <span data-testid="failure-note">✎ {notes(r)}</span> : r.flags.crosswalk ? t('crosswalk', { codes: r.flags.predecessors.join('、') }) : '') },
    { key: 'open', header: '', cell: (r) => <button type="button" className="button-small" data-testid={`failure-open-${r.regionCode}-${r.year}`} onClick={() => onSelect({ regionCode: r.regionCode, year: r.year })}>{t('drill')}</button> },
  ];

  const save = (format: 'xlsx' | 'csv') =>
    void download(format, () =>
      engine.call('table.export', {
        format,
        fileStem: `${t('exportStem')}_${ruleName}`,
        table: {
          title: `${t('failures')} — ${ruleName}`,
          columns: [
            { header: t('rule'), key: 'rule', kind: 'text', width: 22 },
            { header: t('code'), key: 'code', kind: 'text' },
            { header: t('region'), key: 'region', kind: 'text', width: 16 },
            { header: t('yearCol'), key: 'year', kind: 'year' },
            { header: t('level'), key: 'level', kind: 'text' },
            { header: `${t('value')}`, key: 'value', kind: 'decimal2', width: 18 },
            { header: `${t('prior')}`, key: 'prior', kind: 'decimal2', width: 18 },
            { header: `${t('growth')} (%)`, key: 'growth', kind: 'percent2' },
            { header: t('status'), key: 'status', kind: 'text' },
            { header: t('annotation'), key: 'note', kind: 'text', width: 40 },
          ],
          rows: sortRows(shown, columns, sort).map((r) => ({
            rule: ruleName,
            code: r.regionCode,
            region: r.regionName,
            year: r.year,
            level: levelName(r.level ?? 'all', lang),
            value: valueText(r.value, r.valueUnit, unit, false),
            prior: valueText(r.priorValue, r.valueUnit, unit, false),
            growth: r.growth === null ? null : percentText(r.growth)!.replace('%', ''),
            status: t('fail'),
            note: notes(r) || null,
          })),
          provenance: [`${t('rule')}: ${ruleName}`, `${tt('unit')}: ${unitLabel(unit, lang)}`, ...provenanceLines(provenance, t, tt), `${tt('appTitle')} ${appVersion}`],
        },
      }),
    );

  return (
    <section className="card" data-testid="compliance-failures">
      <div className="card-head">
        <h3>
          {t('failures')} <span className="muted small">{t('failureCount', { n: shown.length })}</span>
        </h3>
        <ExportButtons formats={['xlsx', 'csv']} busy={busy as 'xlsx' | 'csv' | null} onExport={(f) => f !== 'arrow' && save(f)} testIdPrefix="failures-export" />
      </div>
      {error && <ErrorBanner error={error} />}
      <div className="controls-row">
        <select data-testid="failures-year" value={year} onChange={(e) => setYear(e.target.value)} aria-label={t('yearCol')}>
          <option value="">{t('allYears')}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <select data-testid="failures-level" value={level} onChange={(e) => setLevel(e.target.value)} aria-label={t('level')}>
          <option value="">{t('allLevels')}</option>
          {levels.map((l) => (
            <option key={l} value={l}>
              {levelName(l as Parameters<typeof levelName>[0], lang)}
            </option>
          ))}
        </select>
        <input data-testid="failures-region" placeholder={t('filterRegion')} value={text} onChange={(e) => setText(e.target.value)} />
        <label>
          <input type="checkbox" checked={unannotated} onChange={(e) => setUnannotated(e.target.checked)} /> {t('onlyUnannotated')}
        </label>
      </div>
      <FailureTable key={`${year}|${level}|${text}|${unannotated}|${sort?.key ?? ''}${sort?.dir ?? ''}`} columns={columns} rows={shown} sort={sort} onSortChange={setSort} />
    </section>
  );
}

const ROW_HEIGHT = 32;
const VIEWPORT = 480;

/** The sortable failures table; a long list (national scale: ~20,000 rows) draws only what is in view. */
function FailureTable({ columns, rows, sort, onSortChange }: { columns: Column<FailureRow>[]; rows: readonly FailureRow[]; sort: Sort; onSortChange: (s: Sort) => void }) {
  const sorted = useMemo(() => sortRows(rows, columns, sort), [rows, columns, sort]);
  const win = useVirtualRows(sorted.length, ROW_HEIGHT, VIEWPORT);
  const key = (r: FailureRow) => `${r.regionCode}|${r.year}|${r.level ?? ''}`;
  return (
    <div className={win.virtual ? 'virtual-scroll' : undefined} onScroll={win.onScroll} style={win.virtual ? { maxHeight: VIEWPORT } : undefined}>
      <table className="data-table" data-testid="failures-table">
        <thead>
          <SortableHeaderRow columns={columns} sort={sort} onCycle={(k) => onSortChange(nextSort(sort, k))} />
        </thead>
        <tbody>
          {win.padTop > 0 && <tr className="virtual-spacer" aria-hidden="true" style={{ height: win.padTop }} />}
          {sorted.slice(win.start, win.end).map((r) => (
            <tr key={key(r)} data-row={key(r)} style={win.virtual ? { height: ROW_HEIGHT } : undefined}>
              {columns.map((c) => (
                <td key={c.key} className={`align-${c.align ?? 'right'}`} data-col={c.key}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
          {win.padBottom > 0 && <tr className="virtual-spacer" aria-hidden="true" style={{ height: win.padBottom }} />}
        </tbody>
      </table>
    </div>
  );
}
