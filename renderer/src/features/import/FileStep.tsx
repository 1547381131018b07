// Step ①: the file (read in the page, sent once to the engine, which keeps a read-only copy) and
// what kind of table it is, with a template per kind for people who start from a blank sheet.
import { IMPORT_KINDS, type ImportKind } from '../../../../core/import/kinds';
import { useEngine } from '../../bridge/engine-context';
import { useDownload } from '../../bridge/use-download';
import { ErrorBanner } from '../../components/ErrorBanner';
import { fileSize } from '../../format/numbers';
import { useI18n } from '../../i18n/i18n';
import { IMPORT_KIND_LABEL } from '../../i18n/labels';
import type { Upload } from './use-import-wizard';

export const ACCEPT = '.xlsx,.xls,.csv,.tsv,.txt';

export function FileStep({ upload, uploading, kind, disabled, onFile, onKind }: {
  upload: Upload | null;
  uploading: boolean;
  kind: ImportKind;
  disabled: boolean;
  onFile: (file: File) => void;
  onKind: (kind: ImportKind) => void;
}) {
  const { t } = useI18n();
  const engine = useEngine();
  const templates = useDownload();
  return (
    <div className="file-step">
      <div className="form-row">
        <div className="field field-file">
          <span className="field-label">{t('impFile')}</span>
          {/* The native control is hidden (its text is the browser's, not ours); the label opens it. */}
          <label className={`button-secondary${disabled ? ' disabled' : ''}`}>
            {t('impChooseFile')}
            <input
              type="file"
              className="visually-hidden"
              accept={ACCEPT}
              data-testid="import-file"
              disabled={disabled}
              onChange={(e) => {
                const file = e.target.files?.[0];
                // Cleared so that choosing the same file again (a re-import) is noticed.
                e.target.value = '';
                if (file) onFile(file);
              }}
            />
          </label>
          <span className="field-hint">{t('impFileHint')}</span>
        </div>
        <div className="file-facts-inline" data-testid="import-upload">
          {uploading && <span className="muted">{t('impUploading')}</span>}
          {upload && (
            <>
              <strong className="file-name">{upload.fileName}</strong>
              <span className="muted"> · {fileSize(upload.sizeBytes)}</span>
            </>
          )}
          {!uploading && !upload && <span className="muted">{t('impNoFile')}</span>}
        </div>
      </div>
      <div className="form-row">
        <label className="field">
          <span className="field-label">{t('impKind')}</span>
          <select data-testid="import-kind" value={kind} disabled={disabled} onChange={(e) => onKind(e.target.value as ImportKind)}>
            {IMPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(IMPORT_KIND_LABEL[k])}
              </option>
            ))}
          </select>
        </label>
        <div className="templates">
          <span className="field-label">{t('impTemplates')}</span>
          {IMPORT_KINDS.map((k) => (
            <button key={k} type="button" className="link-button" data-testid={`template-${k}`} disabled={templates.busy !== null} onClick={() => void templates.download(k, () => engine.call('import.template', { kind: k }))}>
              {t(IMPORT_KIND_LABEL[k])}
            </button>
          ))}
        </div>
      </div>
      {templates.error && <ErrorBanner error={templates.error} />}
    </div>
  );
}
