// "复制表格": the table beside the button (in the same card or section) to the clipboard as TSV.
import { useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import { copyTable } from '../keyboard/table-keys';

export function CopyTableButton({ testId }: { testId?: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLButtonElement>(null);
  const onClick = () => {
    const scope = ref.current?.closest('section, .card, main');
    const table = scope?.querySelector<HTMLTableElement>('table.data-table, table');
    if (table) copyTable(table);
  };
  return (
    <button ref={ref} type="button" className="button-small" data-testid={testId} onClick={onClick} title={t('copyTableHint')}>
      {t('copyTable')}
    </button>
  );
}
