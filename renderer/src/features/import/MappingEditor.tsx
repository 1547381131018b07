// The mapping as a table of the file's columns: what the engine bound each one to (with the year,
// level and unit it read from the header) and a choice per column to change it; fixed values for
// key fields (e.g. year==2019 for a one-year table). Edits become `map` strings for a re-preview.
import { useState } from 'react';
import type { ImportKind } from '../../../../core/import/kinds';
import { levelName, useI18n } from '../../i18n/i18n';
import type { Lang } from '../../i18n/messages';
import { isLevelCode } from '../../../../core/levels';
import { bindingOfColumn, chooseField, draftFromMapping, fieldChoices, isValueField, mapStrings, setConstant, yearColumns, type Draft, type OutcomeMapping } from './mapping-edit';

const CONSTANT_EXAMPLE: Record<string, string> = { year: '2019', level: 'primary', region: '110000', func_code: '2050202', measure: 'per_student' };

function fieldLabel(kind: ImportKind, name: string, lang: Lang): string {
  const f = fieldChoices(kind).find((c) => c.name === name);
  if (!f) return name;
  return lang === 'zh' ? `${f.zh}（${f.name}）` : `${f.name} · ${f.zh}`;
}

export function MappingEditor({ kind, mapping, previousMap, mappingSource, onChange, onRepreview, dirty, busy, stale = false }: {
  kind: ImportKind;
  mapping: OutcomeMapping;
  /** The map the shown mapping was made with. */
  previousMap: readonly string[];
  mappingSource: 'suggested' | 'saved' | 'given' | null;
  onChange: (map: string[]) => void;
  onRepreview: () => void;
  dirty: boolean;
  busy: boolean;
  /** The kind or sheet changed since this preview: its columns no longer apply until previewed again. */
  stale?: boolean;
}) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftFromMapping(mapping));
  const years = yearColumns(mapping);
  const choices = fieldChoices(kind);
  const { map, cannotUnbind } = mapStrings(kind, mapping, draft, previousMap);
  const update = (next: Draft) => {
    setDraft(next);
    onChange(mapStrings(kind, mapping, next, previousMap).map);
  };
  const keyFields = choices.filter((c) => !isValueField(kind, c.name) && c.name !== 'unit');
  const sourceKey = mappingSource === 'saved' ? 'impMappingSaved' : mappingSource === 'given' ? 'impMappingGiven' : 'impMappingSuggested';

  return (
    <section className="panel" data-testid="mapping-editor">
      <div className="panel-head">
        <h3>
          {t('impMapping')} <span className="muted small">{t(sourceKey)}</span>
        </h3>
        {dirty && (
          <button type="button" className="button-primary" data-testid="mapping-repreview" disabled={busy} onClick={onRepreview}>
            {t('impRepreview')}
          </button>
        )}
      </div>
      {stale && <p className="notice notice-warn">{t('impMappingStale')}</p>}
      <table className="data-table mapping-table" data-testid="mapping-table">
        <thead>
          <tr>
            <th className="align-right">{t('impColNo')}</th>
            <th className="align-left">{t('impColHeader')}</th>
            <th className="align-left">{t('impBoundNow')}</th>
            <th className="align-left">{t('impBindTo')}</th>
          </tr>
        </thead>
        <tbody>
          {mapping.columns.map((header, i) => {
            const b = bindingOfColumn(mapping, i);
            return (
              <tr key={i} data-col-index={i + 1} className={draft.columns[i] ? undefined : 'unmapped'}>
                <td className="align-right muted">#{i + 1}</td>
                <td className="align-left">
                  {header === '' ? <span className="muted">{t('impNoHeader')}</span> : header}
                  {years.has(i) && <span className="tag tag-year" title={t('impYearColumn')}>{t('impYearTag')}</span>}
                </td>
                <td className="align-left" data-col="bound">
                  {b ? (
                    <>
                      {fieldLabel(kind, b.field, lang)}
                      {b.year !== undefined && <span className="tag">{b.year}</span>}
                      {b.level !== undefined && <span className="tag">{isLevelCode(b.level) ? levelName(b.level, lang) : b.level}</span>}
                      {b.unit !== undefined && <span className="tag">{b.unit}</span>}
                    </>
                  ) : (
                    <span className="muted">{t('impNotImported')}</span>
                  )}
                </td>
                <td className="align-left">
                  <select data-testid={`map-select-${i + 1}`} value={draft.columns[i] ?? ''} disabled={busy || stale} onChange={(e) => update(chooseField(kind, mapping, draft, i, e.target.value || null))}>
                    <option value="">{t('impNotImported')}</option>
                    {choices.map((c) => (
                      <option key={c.name} value={c.name}>
                        {fieldLabel(kind, c.name, lang)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {keyFields.length > 0 && (
        <div className="constants">
          <span className="field-label">{t('impFixedValues')}</span>
          {keyFields.map((f) => (
            <label key={f.name} className="field field-inline">
              <span>{fieldLabel(kind, f.name, lang)}</span>
              <input type="text" data-testid={`map-constant-${f.name}`} value={draft.constants[f.name] ?? ''} disabled={busy || stale} placeholder={f.name in CONSTANT_EXAMPLE ? t('impFixedValueHint', { example: CONSTANT_EXAMPLE[f.name] ?? '' }) : ''} onChange={(e) => update(setConstant(draft, f.name, e.target.value))} />
            </label>
          ))}
        </div>
      )}
      {years.size > 0 && <p className="table-note">{t('impYearColumnsNote')}</p>}
      {mapping.filters.length > 0 && (
        <p className="table-note">{t('impFilters', { filters: mapping.filters.map((f) => `「${mapping.columns[f.column] ?? `#${f.column + 1}`}」= ${f.equals}`).join('，') })}</p>
      )}
      {cannotUnbind.length > 0 && (
        <p className="notice notice-warn" data-testid="mapping-cannot-unbind">
          {t('impCannotUnbind', { fields: cannotUnbind.map((f) => fieldLabel(kind, f, lang)).join('、') })}
        </p>
      )}
      <p className="table-note">
        {t('impMapStrings')} <code data-testid="mapping-map">{map.length ? map.join('  ') : '—'}</code>
      </p>
    </section>
  );
}
