// 快捷键 (F1 or ?): every keyboard shortcut of the workbench in one panel; Esc closes it.
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

const SHORTCUTS: readonly (readonly [keys: string, what: MessageKey])[] = [
  ['F1 · ?', 'keyHelp'],
  ['Tab · Shift+Tab', 'keyTab'],
  ['↑ ↓', 'keyTreeUpDown'],
  ['→ ←', 'keyTreeRightLeft'],
  ['Enter', 'keyTreeEnter'],
  ['↑ ↓ ← → · Home · End', 'keyTableArrows'],
  ['Ctrl+C', 'keyTableCopy'],
  ['Ctrl+Z · Ctrl+Y · Ctrl+Shift+Z', 'keyUndo'],
  ['Ctrl+P', 'keyPrint'],
  ['Esc', 'keyEscape'],
];

export function HelpPanel({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      previous?.focus?.();
    };
  }, [onClose]);
  return (
    <div className="help-backdrop" onClick={onClose}>
      <div className="help-panel card" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help-panel" onClick={(e) => e.stopPropagation()}>
        <h2 id="help-title">{t('helpTitle')}</h2>
        <table className="data-table" data-testid="help-shortcuts">
          <thead>
            <tr>
              <th className="align-left">{t('helpKeys')}</th>
              <th className="align-left">{t('helpAction')}</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={what}>
                <td className="align-left">
                  <kbd>{keys}</kbd>
                </td>
                <td className="align-left wrap">{t(what)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={closeRef} type="button" className="button-primary" data-testid="help-close" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
