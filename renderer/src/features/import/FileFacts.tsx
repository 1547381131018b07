// What the engine read: file name, format, text encoding, sheet (of how many), size, SHA-256 —
// the same facts the dataset will carry as provenance — and the importer's notes.
import type { ImportOutcome } from '../../../../core/import/request';
import { fileSize } from '../../format/numbers';
import { useI18n } from '../../i18n/i18n';
import { inAppWords } from './app-words';

export function FileFacts({ file, notes, rowsRead }: { file: NonNullable<ImportOutcome['file']>; notes: readonly string[]; rowsRead: number }) {
  const { t, lang } = useI18n();
  return (
    <section className="panel" data-testid="import-file-facts">
      <h3>{t('impFileFacts')}</h3>
      <dl className="facts">
        <div className="fact-2"><dt>{t('impFileName')}</dt><dd className="file-name">{file.name}</dd></div>
        <div><dt>{t('impFormat')}</dt><dd>{file.format}</dd></div>
        <div><dt>{t('impEncoding')}</dt><dd>{file.encoding ?? '—'}</dd></div>
        <div><dt>{t('impSheet')}</dt><dd>{file.sheet ?? '—'}{file.sheets.length > 1 && <span className="muted"> {t('impSheetsOf', { n: file.sheets.length })}</span>}</dd></div>
        <div><dt>{t('impSize')}</dt><dd>{fileSize(file.sizeBytes)}</dd></div>
        <div><dt>{t('impRowsRead')}</dt><dd>{rowsRead.toLocaleString('en-US')}</dd></div>
        <div className="fact-wide"><dt>{t('sha')}</dt><dd><code data-testid="import-sha256">{file.sha256}</code></dd></div>
      </dl>
      {notes.length > 0 && (
        <ul className="notes" data-testid="import-notes">
          {notes.map((n, i) => (
            <li key={i}>{inAppWords(n, lang)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
