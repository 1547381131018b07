// Every dataset with its provenance: what it holds (kind, years, regions, rows, unit), how it is
// to be read (口径, 范围, 发布阶段), where it came from (file, SHA-256, import time), its version
// chain, and export buttons. Sorts on every column.
import type { DatasetInfo } from '../../../../core/ipc/schemas';
import { useEngine } from '../../bridge/engine-context';
import { useDownload } from '../../bridge/use-download';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ExportButtons, type ExportFormat } from '../../components/ExportButtons';
import { ShaCode } from '../../components/ShaCode';
import { SortableTable, type Column } from '../../components/SortableTable';
import { useI18n } from '../../i18n/i18n';
import { BASIS_LABEL, DATASET_KIND_LABEL, SCOPE_LABEL, STAGE_LABEL } from '../../i18n/labels';
import { COMPARABLE_KINDS, unitText } from './stored-values';
import { supersededBy } from './versions';

const count = (n: number) => n.toLocaleString('en-US');
const time = (iso: string) => iso.slice(0, 19).replace('T', ' ');

export function DatasetTable({ datasets, focusId, onCompare }: {
  datasets: readonly DatasetInfo[];
  focusId: number | null;
  onCompare: (a: number, b: number) => void;
}) {
  const engine = useEngine();
  const { t, lang } = useI18n();
  const { busy, error, download } = useDownload();
  const next = supersededBy(datasets);

  const exportDataset = (d: DatasetInfo, format: ExportFormat) => void download(`${d.id}-${format}`, () => engine.call('datasets.export', { id: d.id, format }));

  const columns: Column<DatasetInfo>[] = [
    { key: 'id', header: t('dsId'), cell: (d) => `#${d.id}`, sortValue: (d) => d.id },
    {
      key: 'name',
      header: t('dsName'),
      align: 'left',
      className: () => 'wrap',
      cell: (d) => (
        <span title={d.note ?? undefined}>
          {d.name} {d.synthetic && <span className="badge badge-synthetic">{t('syntheticBadge')}</span>}
        </span>
      ),
      sortValue: (d) => d.name,
    },
    { key: 'kind', header: t('dsKind'), align: 'left', cell: (d) => t(DATASET_KIND_LABEL[d.kind]), sortValue: (d) => d.kind },
    { key: 'years', header: t('dsYears'), align: 'left', cell: (d) => (d.firstYear === null ? '—' : d.firstYear === d.lastYear ? String(d.firstYear) : `${d.firstYear}–${d.lastYear}`), sortValue: (d) => d.firstYear },
    { key: 'regions', header: t('dsRegions'), cell: (d) => count(d.regionCount), sortValue: (d) => d.regionCount },
    { key: 'rows', header: t('dsRows'), cell: (d) => count(d.rowCount), sortValue: (d) => d.rowCount },
    { key: 'unit', header: t('dsUnit'), align: 'left', cell: (d) => (d.unit === 'mixed' ? t('dsUnitMixed') : unitText(d.unit, lang)), sortValue: (d) => d.unit },
    { key: 'basis', header: t('basis'), align: 'left', className: () => 'wrap', cell: (d) => (d.basis ? t(BASIS_LABEL[d.basis]) : '—'), sortValue: (d) => d.basis },
    { key: 'scope', header: t('dsScope'), align: 'left', cell: (d) => (d.scope ? t(SCOPE_LABEL[d.scope]) : '—'), sortValue: (d) => d.scope },
    { key: 'stage', header: t('stage'), align: 'left', cell: (d) => t(STAGE_LABEL[d.releaseStage]), sortValue: (d) => d.releaseStage },
    {
      key: 'source',
      header: t('dsSource'),
      align: 'left',
      className: () => 'wrap source-cell',
      cell: (d) => (
        <>
          <span className="file-name">{d.sourceFileName}</span>
          {d.sheet && <span className="muted"> · {d.sheet}</span>}
        </>
      ),
      sortValue: (d) => d.sourceFileName,
    },
    {
      key: 'sha',
      header: t('sha'),
      align: 'left',
      cell: (d) => <ShaCode sha256={d.sha256} />,
      sortValue: (d) => d.sha256,
    },
    { key: 'importedAt', header: t('importedAt'), align: 'left', cell: (d) => <span title={d.importedAt}>{time(d.importedAt)}</span>, sortValue: (d) => d.importedAt },
    {
      key: 'version',
      header: t('dsVersion'),
      align: 'left',
      cell: (d) => {
        const newer = next.get(d.id);
        return (
          <span className="version-cell">
            {d.supersedesId !== null && (
              <button type="button" className="link-button" data-testid={`supersedes-${d.id}`} title={t('dsCompareWithPrevious')} onClick={() => onCompare(d.supersedesId!, d.id)}>
                {t('dsSupersedes', { id: d.supersedesId })}
              </button>
            )}
            {newer !== undefined && <span className="muted" data-testid={`superseded-${d.id}`}>{t('dsSupersededBy', { id: newer })}</span>}
            {d.supersedesId === null && newer === undefined && <span className="muted">—</span>}
          </span>
        );
      },
      sortValue: (d) => d.supersedesId,
    },
    {
      key: 'export',
      header: t('export'),
      align: 'left',
      // Reference tables (standards, regions, code changes) hold no fact table to export.
      cell: (d) =>
        !COMPARABLE_KINDS.includes(d.kind) ? (
          <span className="muted">—</span>
        ) : (
        <ExportButtons
          compact
          formats={['xlsx', 'csv', 'arrow']}
          busy={busy?.startsWith(`${d.id}-`) ? (busy.slice(String(d.id).length + 1) as ExportFormat) : null}
          onExport={(f) => exportDataset(d, f)}
          testIdPrefix={`dataset-export-${d.id}`}
        />
        ),
    },
  ];

  return (
    <>
      {error && <ErrorBanner error={error} />}
      <SortableTable
        columns={columns}
        rows={datasets}
        rowKey={(d) => String(d.id)}
        rowClassName={(d) => [next.has(d.id) ? 'superseded' : undefined, d.id === focusId ? 'focused' : undefined].filter(Boolean).join(' ') || undefined}
        testId="datasets-table"
        className="datasets-table"
      />
    </>
  );
}
