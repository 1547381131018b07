// A small group of "导出 Excel / CSV / Arrow" buttons (the caller decides what each one saves) and
// "复制表格", which copies the table beside them as TSV.
import { useI18n } from '../i18n/i18n';
import { CopyTableButton } from './CopyTableButton';

export type ExportFormat = 'xlsx' | 'csv' | 'arrow';
const LABEL: Record<ExportFormat, string> = { xlsx: 'Excel', csv: 'CSV', arrow: 'Arrow' };

export function ExportButtons({ formats, busy, onExport, testIdPrefix, compact = false }: {
  formats: readonly ExportFormat[];
  /** The format being saved, if any. */
  busy: ExportFormat | null;
  onExport: (format: ExportFormat) => void;
  testIdPrefix: string;
  compact?: boolean;
}) {
  const { t } = useI18n();
  return (
    <span className={`export-buttons${compact ? ' compact' : ''}`}>
      {formats.map((f) => (
        <button key={f} type="button" className="button-small" data-testid={`${testIdPrefix}-${f}`} disabled={busy !== null} aria-busy={busy === f} onClick={() => onExport(f)} title={`${t('export')} ${LABEL[f]}`}>
          {busy === f ? '…' : compact ? LABEL[f] : `${t('export')} ${LABEL[f]}`}
        </button>
      ))}
      <CopyTableButton testId={`${testIdPrefix}-copy`} />
    </span>
  );
}
