// 导出 Excel / CSV for the per-student table: the engine writes the file from the table as shown
// (language, unit, rounding) plus provenance; the renderer only saves the bytes.
import type { Output } from '../../../../core/ipc/contracts';
import type { PerStudentFigure } from '../../../../core/metrics/per-student';
import type { MoneyUnit } from '../../../../core/money/fen';
import { useEngine } from '../../bridge/engine-context';
import { useDownload } from '../../bridge/use-download';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ExportButtons } from '../../components/ExportButtons';
import { useI18n } from '../../i18n/i18n';
import { perStudentExportTable } from './table-export';

export function PerStudentExport({ figures, response, unit, title, scopeLabel, divisorLabel, appVersion }: {
  figures: readonly PerStudentFigure[];
  response: Output<'perStudent.series'>;
  unit: MoneyUnit;
  title: string;
  scopeLabel: string;
  divisorLabel: string;
  appVersion: string;
}) {
  const engine = useEngine();
  const { t, lang } = useI18n();
  const { busy, error, download } = useDownload();
  const run = (format: 'xlsx' | 'csv') => {
    const datasets = [
      ...(response.expenditureDataset ? [{ role: t('expenditureData'), d: response.expenditureDataset }] : []),
      ...(response.enrolmentDataset ? [{ role: t('enrolmentData'), d: response.enrolmentDataset }] : []),
    ];
    const table = perStudentExportTable(figures, { t, lang, unit, title, region: response.region, year: response.lastYear, scopeLabel, divisorLabel, datasets, appVersion, generatedAt: new Date() });
    const fileStem = `${t('exportFileStem')}_${response.region.name}_${response.lastYear}`;
    void download(format, () => engine.call('table.export', { format, fileStem, table }));
  };
  return (
    <>
      <ExportButtons formats={['xlsx', 'csv']} busy={busy as 'xlsx' | 'csv' | null} onExport={(f) => f !== 'arrow' && run(f)} testIdPrefix="export" />
      {error && <ErrorBanner error={error} />}
    </>
  );
}
