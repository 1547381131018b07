// The header's 打印 and 快捷键 buttons, F1 / ? for the shortcut panel, and the table keyboard and
// copy behaviour for every view, with a short notice when a table was copied.
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { HelpPanel } from './HelpPanel';
import { useTableKeyboard } from './table-keys';

function typing(el: Element | null): boolean {
  return el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'range'].includes(el.type)) || (el as HTMLElement | null)?.isContentEditable === true;
}

export function WorkbenchTools() {
  const { t } = useI18n();
  const [help, setHelp] = useState(false);
  const [copied, setCopied] = useState<number | null>(null);
  const onCopied = useCallback((rows: number) => setCopied(rows), []);
  useTableKeyboard(onCopied);

  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), 4000);
    return () => clearTimeout(timer);
  }, [copied]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F1' || (e.key === '?' && !e.ctrlKey && !e.metaKey && !typing(document.activeElement))) {
        e.preventDefault();
        setHelp(true);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const close = useCallback(() => setHelp(false), []);

  return (
    <>
      <button type="button" className="header-button" data-testid="print-view" title={t('printHint')} onClick={() => window.print()}>
        {t('print')}
      </button>
      <button type="button" className="header-button" data-testid="help-open" title={t('helpHint')} onClick={() => setHelp(true)}>
        {t('help')}
      </button>
      {help && <HelpPanel onClose={close} />}
      {copied !== null && (
        <div className="copy-notice" role="status" data-testid="table-copied">
          {t('tableCopied', { n: copied })}
        </div>
      )}
    </>
  );
}
