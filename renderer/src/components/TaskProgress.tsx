// Progress of a long engine call, shown once it has taken a second: what is happening, how many
// rows have been read so far (the total of a streamed file is unknown), and 取消.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';

export function TaskProgress({ active, label, rows, onCancel, delayMs = 1000 }: { active: boolean; label: string; rows: number; onCancel?: () => void; delayMs?: number }) {
  const { t } = useI18n();
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!active) {
      setVisible(false);
      return;
    }
    const timer = setTimeout(() => setVisible(true), delayMs);
    return () => clearTimeout(timer);
  }, [active, delayMs]);
  if (!active || !visible) return null;
  return (
    <div className="progress task-progress" role="status" aria-live="polite" data-testid="task-progress">
      <div className="progress-bar indeterminate" />
      <span>{label}</span>
      {rows > 0 && <span className="progress-count" data-testid="task-progress-rows">{t('rowsRead', { n: rows.toLocaleString('en-US') })}</span>}
      {onCancel && (
        <button type="button" className="button-small button-danger" data-testid="task-cancel" onClick={onCancel}>
          {t('cancel')}
        </button>
      )}
    </div>
  );
}
