// 导入: a wizard from a file to a dataset. ① choose the file, its kind and options; ② preview —
// the engine reads everything, checks it and rolls back, showing what would be stored, problems,
// changes against the previous version and reconciliation; ③ commit, all rows or none.
import { useState } from 'react';
import type { ImportKind } from '../../../../core/import/kinds';
import type { ImportOutcome } from '../../../../core/import/request';
import { ErrorBanner } from '../../components/ErrorBanner';
import { TaskProgress } from '../../components/TaskProgress';
import { useI18n } from '../../i18n/i18n';
import { BulletinTab } from './BulletinTab';
import { CommitResult } from './CommitResult';
import { FileStep } from './FileStep';
import { buildRequest, EMPTY_FORM, sameRequest, type ImportForm } from './import-request';
import { OptionsForm } from './OptionsForm';
import { PreviewPanel } from './PreviewPanel';
import { useImportWizard } from './use-import-wizard';

export function ImportView({ onCommitted, onOpenDatasets }: { onCommitted: (o: ImportOutcome) => void; onOpenDatasets: (id: number) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<ImportForm>(EMPTY_FORM);
  const [map, setMap] = useState<string[]>([]);
  const [tab, setTab] = useState<'table' | 'bulletin'>('table');
  const w = useImportWizard(onCommitted);
  const busy = w.task !== null;
  const request = buildRequest(form, map);
  const previewed = w.previewed;
  const dirty = previewed !== null && (!sameRequest(request, previewed.request) || previewed.uploadId !== w.upload?.uploadId);
  const sheets = previewed?.outcome.file?.sheets ?? [];
  const runPreview = () => w.preview(request);

  return (
    <main className="view import-view" data-testid="import-view">
      <h2 className="view-title">{t('importTitle')}</h2>
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'table'} className={tab === 'table' ? 'tab active' : 'tab'} data-testid="import-tab-table" onClick={() => setTab('table')}>
          {t('impTabTable')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'bulletin'} className={tab === 'bulletin' ? 'tab active' : 'tab'} data-testid="import-tab-bulletin" onClick={() => setTab('bulletin')}>
          {t('impTabBulletin')}
        </button>
      </div>
      {tab === 'bulletin' ? <BulletinTab onImported={() => undefined} /> : <>
      <p className="view-intro">{t('importIntro')}</p>

      <section className="panel step">
        <h3 className="step-title">{t('impStepFile')}</h3>
        <FileStep
          upload={w.upload}
          uploading={w.task?.op === 'upload'}
          kind={form.kind}
          disabled={busy}
          onFile={(file) => {
            setMap([]);
            setForm((f) => ({ ...f, sheet: '' }));
            void w.chooseFile(file);
          }}
          onKind={(kind: ImportKind) => {
            setMap([]);
            setForm((f) => ({ ...f, kind }));
          }}
        />
        <OptionsForm
          form={form}
          sheets={sheets}
          disabled={busy}
          onChange={(p) => {
            if (p.sheet !== undefined && p.sheet !== form.sheet) setMap([]);
            setForm((f) => ({ ...f, ...p }));
          }}
        />
        <div className="actions">
          <button type="button" className="button-primary" data-testid="import-preview-button" disabled={!w.upload || busy} onClick={runPreview}>
            {previewed ? t('impRepreview') : t('impPreview')}
          </button>
          <span className="muted small">{t('impPreviewHint')}</span>
        </div>
        <TaskProgress active={w.task?.op === 'preview' || w.task?.op === 'upload'} label={w.task?.op === 'upload' ? t('impUploading') : t('impPreviewing')} rows={w.task?.rows ?? 0} onCancel={w.task?.op === 'preview' ? w.cancel : undefined} />
      </section>

      {w.error && <ErrorBanner error={w.error} />}
      {w.cancelled && (
        <p className="notice notice-warn" role="status" data-testid="import-cancelled">
          {t(w.cancelled === 'commit' ? 'impCancelledCommit' : 'impCancelledPreview')}
        </p>
      )}
      {w.committed && <CommitResult outcome={w.committed} onOpenDatasets={onOpenDatasets} />}
      {previewed && (
        <PreviewPanel
          previewed={previewed}
          committed={w.committed !== null}
          dirty={dirty}
          stale={form.kind !== previewed.request.kind || form.sheet !== (previewed.request.sheet ?? '') || previewed.uploadId !== w.upload?.uploadId}
          task={w.task}
          onCommit={w.commit}
          onCancel={w.cancel}
          onRepreview={runPreview}
          onMap={setMap}
        />
      )}
      </>}
    </main>
  );
}
