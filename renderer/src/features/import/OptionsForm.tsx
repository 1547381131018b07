// Import options: which sheet, the unit when the header does not say, 口径 / 范围 / 发布阶段 for
// the dataset's provenance, the text encoding of a CSV, a name, a workbook password and published
// control totals to reconcile against.
import type { ImportKind } from '../../../../core/import/kinds';
import { useI18n } from '../../i18n/i18n';
import { STAGE_LABEL } from '../../i18n/labels';
import type { MessageKey } from '../../i18n/messages';
import { ENCODING_CHOICES, parseControls, STAGE_CHOICES, UNIT_CHOICES, type ImportForm } from './import-request';

const ENCODING_LABEL: Record<ImportForm['encoding'], MessageKey> = { auto: 'impAuto', 'utf-8': 'encUtf8', gb18030: 'encGb18030' };
const HAS_SCOPE: readonly ImportKind[] = ['expenditure', 'enrolment', 'bulletin', 'capacity'];

export function OptionsForm({ form, sheets, disabled, onChange }: { form: ImportForm; sheets: readonly string[]; disabled: boolean; onChange: (p: Partial<ImportForm>) => void }) {
  const { t } = useI18n();
  const invalidControls = parseControls(form.controls).invalid;
  return (
    <fieldset className="options-grid" disabled={disabled}>
      <legend className="visually-hidden">{t('impOptions')}</legend>
      <label className="field">
        <span className="field-label">{t('impSheet')}</span>
        <select data-testid="import-sheet" value={form.sheet} onChange={(e) => onChange({ sheet: e.target.value })} disabled={sheets.length < 2 && form.sheet === ''}>
          <option value="">{sheets.length ? t('impSheetAuto') : t('impSheetAfterPreview')}</option>
          {sheets.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('impUnit')}</span>
        <select data-testid="import-unit" value={form.unit} onChange={(e) => onChange({ unit: e.target.value as ImportForm['unit'] })}>
          {UNIT_CHOICES.map((u) => (
            <option key={u} value={u}>
              {u === '' ? t('impUnitAuto') : u}
            </option>
          ))}
        </select>
      </label>
      {form.kind === 'expenditure' && (
        <label className="field">
          <span className="field-label">{t('basis')}</span>
          <select data-testid="import-basis" value={form.basis} onChange={(e) => onChange({ basis: e.target.value as ImportForm['basis'] })}>
            <option value="">{t('impAuto')}</option>
            <option value="moe_edu_funds">{t('basisMoe')}</option>
            <option value="mof_205">{t('basisMof')}</option>
          </select>
        </label>
      )}
      {HAS_SCOPE.includes(form.kind) && (
        <label className="field">
          <span className="field-label">{t('dsScope')}</span>
          <select data-testid="import-scope" value={form.scope} onChange={(e) => onChange({ scope: e.target.value as ImportForm['scope'] })}>
            <option value="">{t('impAuto')}</option>
            <option value="consolidated">{t('scopeConsolidated')}</option>
            <option value="own_level">{t('scopeOwnLevel')}</option>
          </select>
        </label>
      )}
      <label className="field">
        <span className="field-label">{t('stage')}</span>
        <select data-testid="import-stage" value={form.stage} onChange={(e) => onChange({ stage: e.target.value as ImportForm['stage'] })}>
          {STAGE_CHOICES.map((s) => (
            <option key={s} value={s}>
              {s === '' ? t('impAuto') : t(STAGE_LABEL[s])}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('impEncoding')}</span>
        <select data-testid="import-encoding" value={form.encoding} onChange={(e) => onChange({ encoding: e.target.value as ImportForm['encoding'] })}>
          {ENCODING_CHOICES.map((c) => (
            <option key={c} value={c}>
              {t(ENCODING_LABEL[c])}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-wide">
        <span className="field-label">{t('impDatasetName')}</span>
        <input type="text" data-testid="import-dataset-name" value={form.datasetName} placeholder={t('impDatasetNameHint')} onChange={(e) => onChange({ datasetName: e.target.value })} />
      </label>
      <label className="field">
        <span className="field-label">{t('impPassword')}</span>
        <input type="password" data-testid="import-password" value={form.password} autoComplete="off" placeholder={t('impPasswordHint')} onChange={(e) => onChange({ password: e.target.value })} />
      </label>
      <label className="field field-wide">
        <span className="field-label">{t('impControls')}</span>
        <textarea data-testid="import-controls" rows={2} value={form.controls} placeholder={t('impControlsHint')} onChange={(e) => onChange({ controls: e.target.value })} />
        {invalidControls.length > 0 && <span className="field-error">{t('impControlsInvalid', { lines: invalidControls.join('；') })}</span>}
      </label>
    </fieldset>
  );
}
