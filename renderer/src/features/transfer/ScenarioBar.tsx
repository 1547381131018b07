// The stored scenarios of the region: pick one to edit; create, rename, duplicate, delete; save
// with undo/redo beside it. The baseline is listed first and is read-only.
import { useState } from 'react';
import type { StoredScenario } from '../../../../core/transfer/schemas';
import type { TransferText } from './text';

export function ScenarioBar({ scenarios, selectedId, dirty, busy, canUndo, canRedo, t, onSelect, onCreate, onRename, onDuplicate, onDelete, onSave, onUndo, onRedo }: {
  scenarios: readonly StoredScenario[];
  selectedId: number | null;
  dirty: boolean;
  busy: boolean;
  canUndo: boolean;
  canRedo: boolean;
  t: TransferText;
  onSelect: (id: number) => void;
  onCreate: (name: string) => void;
  onRename: (id: number, name: string) => void;
  onDuplicate: (id: number) => void;
  onDelete: (id: number) => void;
  onSave: () => void;
  onUndo: () => void;
  onRedo: () => void;
}) {
  const selected = scenarios.find((s) => s.id === selectedId) ?? null;
  const [naming, setNaming] = useState<{ mode: 'create' | 'rename'; text: string } | null>(null);
  const submit = () => {
    if (!naming || !naming.text.trim()) return;
    if (naming.mode === 'create') onCreate(naming.text.trim());
    else if (selected) onRename(selected.id, naming.text.trim());
    setNaming(null);
  };
  return (
    <section className="card scenario-bar" data-testid="scenario-bar">
      <label>
        {t('scenarios')}{' '}
        <select data-testid="scenario-select" value={selectedId ?? ''} onChange={(e) => onSelect(Number(e.target.value))} disabled={busy}>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      {naming ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <input autoFocus data-testid="scenario-name" value={naming.text} maxLength={100} onChange={(e) => setNaming({ ...naming, text: e.target.value })} />
          <button type="submit" className="button-small" data-testid="scenario-name-ok">
            OK
          </button>
          <button type="button" className="button-small" onClick={() => setNaming(null)}>
            ✕
          </button>
        </form>
      ) : (
        <>
          <button type="button" className="button-small" data-testid="scenario-new" disabled={busy} onClick={() => setNaming({ mode: 'create', text: t('newName') })}>
            {t('newScenario')}
          </button>
          <button type="button" className="button-small" data-testid="scenario-duplicate" disabled={busy || !selected} onClick={() => selected && onDuplicate(selected.id)}>
            {t('duplicate')}
          </button>
          <button type="button" className="button-small" data-testid="scenario-rename" disabled={busy || !selected || selected.isBaseline} onClick={() => selected && setNaming({ mode: 'rename', text: selected.name })}>
            {t('rename')}
          </button>
          <button
            type="button"
            className="button-small"
            data-testid="scenario-delete"
            disabled={busy || !selected || selected.isBaseline}
            onClick={() => selected && window.confirm(t('confirmDelete', { name: selected.name })) && onDelete(selected.id)}
          >
            {t('delete')}
          </button>
        </>
      )}
      <span className="spacer" />
      <button type="button" className="button-small" data-testid="scenario-undo" disabled={!canUndo} onClick={onUndo} title="Ctrl+Z">
        ↶ {t('undo')}
      </button>
      <button type="button" className="button-small" data-testid="scenario-redo" disabled={!canRedo} onClick={onRedo} title="Ctrl+Shift+Z / Ctrl+Y">
        ↷ {t('redo')}
      </button>
      <button type="button" className="button-primary button-small" data-testid="scenario-save" disabled={busy || !dirty || !selected || selected.isBaseline} onClick={onSave}>
        {t('save')}
      </button>
      <span className={dirty ? 'status-dirty' : 'muted'} data-testid="scenario-status">
        {dirty ? t('unsaved') : t('saved')}
      </span>
      {selected?.isBaseline && <p className="muted full-row">{t('baselineLocked')}</p>}
    </section>
  );
}
