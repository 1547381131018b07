// The history of one dataset, one scenario, or (without an id) the whole database: newest first,
// each entry with who, when, what and the fields it changed. Reloads when `version` changes, so a
// save shows up at once.
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../../core/ipc/audit-schemas';
import type { AppError } from '../../../../core/result';
import { useEngine } from '../../bridge/engine-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/i18n';
import { changedFields, short } from './change-summary';
import { fieldName, valueWords } from './field-words';
import { auditText, entityLabel, type AuditTextKey } from './text';

/** The fields that identify an added or deleted row, in the order a reader looks for them. */
const KEY_FIELDS = ['name', 'source_file_name', 'sha256', 'row_count', 'text', 'author', 'key', 'value', 'region_code', 'year', 'schemaVersion', 'backup'];
function keyFields<T extends { field: string }>(changes: readonly T[]): T[] {
  const picked = KEY_FIELDS.map((k) => changes.find((c) => c.field === k)).filter((c): c is T => c !== undefined);
  return picked.length ? picked.slice(0, 6) : changes.slice(0, 4);
}

type Props = {
  entity?: 'dataset' | 'scenario';
  entityId?: string;
  title: string;
  /** Anything that changes when the object was saved. */
  version?: unknown;
  limit?: number;
  testId: string;
};

export function HistoryPanel({ entity, entityId, title, version, limit = 200, testId }: Props) {
  const engine = useEngine();
  const { lang } = useI18n();
  const t = auditText(lang);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    void engine.call('audit.history', { ...(entity ? { entity } : {}), ...(entityId ? { entityId } : {}), limit }).then((r) => {
      if (!live) return;
      if (r.ok) setEntries(r.value.entries);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [engine, entity, entityId, limit, version]);

  return (
    <section className="panel history-panel" data-testid={testId}>
      <h3>{title}</h3>
      {error && <ErrorBanner error={error} />}
      {!entries && !error && <p className="muted">{t('loading')}</p>}
      {entries && entries.length === 0 && <p className="muted">{t('noHistory')}</p>}
      {entries && entries.length > 0 && (
        <table className="data-table history-table">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('at')}</th>
              <th>{t('actor')}</th>
              <th>{t('action')}</th>
              {!entityId && <th>{t('entity')}</th>}
              <th className="left">{t('changes')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const changes = changedFields(e.before, e.after);
              return (
                <tr key={e.seq} data-seq={e.seq} data-action={e.action} title={`${t('hash')}: ${e.hash}`}>
                  <td>{e.seq}</td>
                  <td className="nowrap">{e.at.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}</td>
                  <td>{e.actor}</td>
                  <td>{t(`act_${e.action}` as AuditTextKey)}{e.entity.endsWith('_fact') ? ` · ${entityLabel(t, e.entity)}` : ''}</td>
                  {!entityId && <td>{entityLabel(t, e.entity)}{e.entityId ? ` ${e.entityId}` : ''}</td>}
                  <td className="left wrap">
                    {e.action === 'update'
                      ? changes.map((c) => (
                          <div key={c.field}>
                            {fieldName(c.field, lang)}: <del>{short(valueWords(c.before, lang)) ?? '∅'}</del> → <ins>{short(valueWords(c.after, lang)) ?? '∅'}</ins>
                          </div>
                        ))
                      : (
                          <>
                            {keyFields(changes).map((c) => (
                              <div key={c.field}>
                                {fieldName(c.field, lang)}: {short(valueWords(c.after ?? c.before, lang)) ?? '∅'}
                              </div>
                            ))}
                            {changes.length > keyFields(changes).length && (
                              <details>
                                <summary>{t('allFields', { n: changes.length })}</summary>
                                {changes.map((c) => (
                                  <div key={c.field}>
                                    {fieldName(c.field, lang)}: {short(valueWords(c.after ?? c.before, lang)) ?? '∅'}
                                  </div>
                                ))}
                              </details>
                            )}
                          </>
                        )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
