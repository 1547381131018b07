// The audit history of one dataset, chosen from a list: its import (file, SHA-256, fact count) and
// anything that touched it or its rows since.
import { useState } from 'react';
import type { DatasetInfo } from '../../../../core/ipc/schemas';
import { useI18n } from '../../i18n/i18n';
import { HistoryPanel } from '../audit/HistoryPanel';
import { auditText } from '../audit/text';

export function DatasetHistory({ datasets, initialId }: { datasets: readonly DatasetInfo[]; initialId: number | null }) {
  const { lang } = useI18n();
  const t = auditText(lang);
  const [id, setId] = useState<number>(initialId ?? datasets[datasets.length - 1]!.id);
  const chosen = datasets.find((d) => d.id === id) ?? datasets[0]!;
  return (
    <div className="dataset-history">
      <label className="inline-field">
        {t('history')}
        <select value={chosen.id} onChange={(e) => setId(Number(e.target.value))} data-testid="dataset-history-select">
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              #{d.id} {d.name}
            </option>
          ))}
        </select>
      </label>
      <HistoryPanel entity="dataset" entityId={String(chosen.id)} title={t('historyOf', { what: `#${chosen.id} ${chosen.name}` })} testId="dataset-history" />
    </div>
  );
}
