// The law-like parameters, grouped, each with its label, unit, legal reference, a slider and a
// number box. Fractions are shown as percentages and the pool in the app's money unit; a changed
// parameter is marked and can be reset to its baseline value.
import type { MoneyUnit } from '../../../../core/money/fen';
import { PARAMETERS, baselineValue, type ParameterDefinition, type ResolvedParameters } from '../../../../core/transfer/parameters';
import { unitLabel } from '../../i18n/i18n';
import { needsNormalising, weightTotal } from './weights';
import type { TransferText, TransferTextKey } from './text';

const GROUPS: readonly ParameterDefinition['group'][] = ['pool', 'factors', 'difficulty', 'bounds', 'standard', 'tiers', 'outcome'];
const YUAN_PER_UNIT: Record<MoneyUnit, number> = { 元: 1, 万元: 1e4, 亿元: 1e8 };

/** Display scale: the number shown = value × scale. */
function scaleOf(d: ParameterDefinition, unit: MoneyUnit): number {
  if (d.unit === 'fraction') return 100;
  if (d.unit === 'yuan') return 1 / YUAN_PER_UNIT[unit];
  return 1;
}

function sliderRange(d: ParameterDefinition, year: number): { min: number; max: number; step: number } {
  if (d.unit === 'yuan') {
    const base = baselineValue(d, year);
    return { min: 0, max: base * 3, step: base / 300 };
  }
  return { min: d.min, max: d.max, step: d.step };
}

export function ParameterPanel({ params, year, unit, lang, t, disabled, onSet, onReset, onNormalise }: {
  params: ResolvedParameters;
  year: number;
  unit: MoneyUnit;
  lang: 'zh' | 'en';
  t: TransferText;
  disabled: boolean;
  onSet: (key: string, value: number) => void;
  onReset: (key: string) => void;
  onNormalise: () => void;
}) {
  return (
    <div className="parameter-panel" data-testid="parameter-panel">
      {GROUPS.map((g) => (
        <fieldset key={g} className="parameter-group" disabled={disabled}>
          <legend>{t(`group_${g}` as TransferTextKey)}</legend>
          {PARAMETERS.filter((d) => d.group === g).map((d) => (
            <ParameterRow key={d.key} d={d} value={params[d.key]!} base={baselineValue(d, year)} year={year} unit={unit} lang={lang} t={t} onSet={onSet} onReset={onReset} />
          ))}
          {g === 'factors' && <WeightTotal params={params} t={t} onNormalise={onNormalise} />}
        </fieldset>
      ))}
    </div>
  );
}

function ParameterRow({ d, value, base, year, unit, lang, t, onSet, onReset }: { d: ParameterDefinition; value: number; base: number; year: number; unit: MoneyUnit; lang: 'zh' | 'en'; t: TransferText; onSet: (key: string, value: number) => void; onReset: (key: string) => void }) {
  const scale = scaleOf(d, unit);
  const changed = value !== base;
  const unitText = d.unit === 'yuan' ? unitLabel(unit, lang) : t(`unit_${d.unit}` as TransferTextKey);
  const id = `param-${d.key.replace(/\./g, '-')}`;
  if (d.unit === 'switch') {
    return (
      <div className={`parameter-row${changed ? ' changed' : ''}`} title={`${t('reference')}：${d.reference}`}>
        <label htmlFor={id}>{d.label[lang]}</label>
        <input id={id} type="checkbox" data-testid={id} checked={value >= 0.5} onChange={(e) => onSet(d.key, e.target.checked ? 1 : 0)} />
        <span className="reference">{d.reference}</span>
      </div>
    );
  }
  const range = sliderRange(d, year);
  const shown = Number((value * scale).toFixed(6));
  return (
    <div className={`parameter-row${changed ? ' changed' : ''}`} title={`${t('reference')}：${d.reference}`}>
      <label htmlFor={id}>
        {d.label[lang]}
        {changed && <span className="changed-mark" aria-label="changed"> ●</span>}
      </label>
      <input type="range" aria-label={d.label[lang]} data-testid={`${id}-slider`} min={range.min} max={range.max} step={range.step} value={value} onChange={(e) => onSet(d.key, Number(e.target.value))} />
      <input
        id={id}
        type="number"
        data-testid={id}
        className="parameter-number"
        value={shown}
        step={d.unit === 'yuan' ? undefined : d.step * scale}
        onChange={(e) => {
          const v = Number(e.target.value) / scale;
          if (e.target.value !== '' && Number.isFinite(v) && v >= d.min && v <= d.max) onSet(d.key, v);
        }}
      />
      <span className="unit">{unitText}</span>
      {changed ? (
        <button type="button" className="button-small link" onClick={() => onReset(d.key)} title={t('reset')} data-testid={`${id}-reset`}>
          ↺
        </button>
      ) : (
        <span />
      )}
      <span className="reference">{d.reference}</span>
    </div>
  );
}

/** The weights' total, and what the engine does when it is not 100 %. */
function WeightTotal({ params, t, onNormalise }: { params: ResolvedParameters; t: TransferText; onNormalise: () => void }) {
  const total = weightTotal(params);
  const off = needsNormalising(params);
  return (
    <div className={`weight-total${off ? ' alert-line' : ''}`} data-testid="weight-total" data-total={(total * 100).toFixed(2)}>
      <strong>{t('weightTotal', { total: (total * 100).toFixed(2) })}</strong>
      {off && (
        <>
          <span> {t('weightNormalised', { total: (total * 100).toFixed(2) })} </span>
          <button type="button" className="button-small" data-testid="weight-normalise" onClick={onNormalise}>
            {t('normalise')}
          </button>
        </>
      )}
    </div>
  );
}
