// Step ②–③: the preview of one import, verdict and commit first, then problems, changes against
// the previous version, the file facts and mapping, the first rows, totals and reconciliation.
import type { ImportKind } from '../../../../core/import/kinds';
import type { ImportOutcome } from '../../../../core/import/request';
import { TaskProgress } from '../../components/TaskProgress';
import { useRegionNames } from '../../hooks/use-region-names';
import { useI18n } from '../../i18n/i18n';
import { BasisImpactSection } from './BasisImpactSection';
import { ChangesSection } from './ChangesSection';
import { FileFacts } from './FileFacts';
import { MappingEditor } from './MappingEditor';
import { PreviewRows, Reconciliation, TotalsByYear } from './PreviewRows';
import { ProblemsTable } from './ProblemsTable';
import { StatusBanner } from './StatusBanner';
import type { Previewed, Task } from './use-import-wizard';

export function PreviewPanel({ previewed, committed, dirty, stale, task, onCommit, onCancel, onRepreview, onMap }: {
  previewed: Previewed;
  /** The commit of this preview, when done (the verdict banner then gives way to the result). */
  committed: boolean;
  dirty: boolean;
  /** The kind or sheet chosen now differs from this preview's. */
  stale: boolean;
  task: Task | null;
  onCommit: (confirm: boolean) => void;
  onCancel: () => void;
  onRepreview: () => void;
  onMap: (map: string[]) => void;
}) {
  const { t } = useI18n();
  const o: ImportOutcome = previewed.outcome;
  const kind: ImportKind = previewed.request.kind;
  const names = useRegionNames(previewed.round);
  return (
    <div className="preview" data-testid="import-preview" data-round={previewed.round}>
      <h3 className="step-title">{t('impStepPreview')}</h3>
      {!committed && <StatusBanner key={`status-${previewed.round}`} outcome={o} dirty={dirty} busy={task !== null} onCommit={onCommit} onRepreview={onRepreview} />}
      {o.basisImpact && o.status !== 'refused' && <BasisImpactSection impact={o.basisImpact} />}
      <TaskProgress active={task?.op === 'commit'} label={t('impCommitting')} rows={task?.rows ?? 0} onCancel={onCancel} />
      {o.problems.length > 0 && <ProblemsTable problems={o.problems} problemCount={o.problemCount} />}
      {o.changes && <ChangesSection kind={kind} changes={o.changes} regionNames={names} />}
      {o.file && <FileFacts file={o.file} notes={o.notes} rowsRead={o.rowsRead} />}
      {o.mapping && (
        <MappingEditor
          key={`mapping-${previewed.round}`}
          kind={o.mapping.kind}
          mapping={o.mapping}
          previousMap={previewed.request.map ?? []}
          mappingSource={o.mappingSource}
          onChange={onMap}
          onRepreview={onRepreview}
          dirty={dirty}
          busy={task !== null}
          stale={stale}
        />
      )}
      {o.preview.rows.length > 0 && <PreviewRows kind={kind} rows={o.preview.rows} factCount={o.factCount} />}
      {(o.preview.totalsByYear.length > 0 || o.reconciliation.length > 0) && (
        <div className="panel-row">
          {o.preview.totalsByYear.length > 0 && <TotalsByYear kind={kind} totals={o.preview.totalsByYear} />}
          <Reconciliation rows={o.reconciliation} />
        </div>
      )}
    </div>
  );
}
