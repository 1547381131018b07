// Attach a justification to a failure. The engine stores it beside the result; the status stays
// "fail" and the note goes with it into every export.
import { useState } from 'react';
import type { ComplianceResult, RuleId } from '../../../../core/compliance/types';
import type { AppError } from '../../../../core/result';
import { useEngine } from '../../bridge/engine-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/i18n';
import { complianceText } from './text';

export function NoteForm({ rule, scope, result, onSaved }: { rule: RuleId; scope: 'consolidated' | 'own_level'; result: ComplianceResult; onSaved: () => void }) {
  const { lang } = useI18n();
  const t = complianceText(lang);
  const engine = useEngine();
  const [text, setText] = useState('');
  const [author, setAuthor] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    const reply = await engine.call('compliance.annotate', { action: 'add', rule, regionCode: result.regionCode, year: result.year, level: result.level, scope, text, author: author.trim() || '—' });
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    setSaved(true);
    setText('');
    onSaved();
  };
  return (
    <form className="note-form" data-testid="note-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h4>{t('addNote')}</h4>
      <textarea data-testid="note-text" rows={2} placeholder={t('noteText')} value={text} onChange={(e) => { setText(e.target.value); setSaved(false); }} />
      <input data-testid="note-author" placeholder={t('author')} value={author} onChange={(e) => setAuthor(e.target.value)} />
      <button type="submit" className="button-primary" data-testid="note-save" disabled={busy || text.trim() === ''}>
        {t('save')}
      </button>
      {saved && <span className="ok" data-testid="note-saved">{t('noteSaved')}</span>}
      {error && <ErrorBanner error={error} />}
    </form>
  );
}
