// Sensitivity: sweep one parameter and chart equity and failing counties; a tornado of every
// parameter's ±10 % effect on a chosen outcome. Computed here with the same core code (no engine
// round trip); the work is yielded to the browser first so the progress note can paint.
import { useMemo, useState } from 'react';
import { PARAMETERS, baselineValue, parameterDefinition, type ResolvedParameters } from '../../../../core/transfer/parameters';
import type { Prepared } from '../../../../core/transfer/prepare';
import { OUTCOMES, sweep, tornado, type Outcome, type SweepPoint, type TornadoBar } from '../../../../core/transfer/sensitivity';
import type { Scenario } from '../../../../core/transfer/simulate';
import { EChart } from '../../charts/EChart';
import { sweepOption, tornadoOption } from '../../charts/options/sensitivity';
import { DelayedProgress } from '../../components/DelayedProgress';
import type { TransferText, TransferTextKey } from './text';

const SWEEPABLE = PARAMETERS.filter((d) => d.unit !== 'switch');

function defaultRange(key: string, params: ResolvedParameters, year: number): [number, number] {
  const d = parameterDefinition(key)!;
  if (d.unit === 'yuan') return [baselineValue(d, year) * 0.5, baselineValue(d, year) * 1.5];
  if (d.unit === 'yuan_per_student') return [0, Math.max(500, params[d.key] * 2)];
  return [d.min, d.max];
}

const later = <T,>(f: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(f()), 16));

export function SensitivityPanel({ prepared, scenario, params, lang, t }: { prepared: Prepared; scenario: Scenario; params: ResolvedParameters; lang: 'zh' | 'en'; t: TransferText }) {
  const year = prepared.inputs.year;
  const [key, setKey] = useState('difficulty.tilt');
  const [range, setRange] = useState<[number, number]>(() => defaultRange('difficulty.tilt', params, year));
  const [points, setPoints] = useState<SweepPoint[] | null>(null);
  const [outcome, setOutcome] = useState<Outcome>('cv');
  const [bars, setBars] = useState<{ base: number; bars: TornadoBar[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const d = parameterDefinition(key)!;
  const scale = d.unit === 'fraction' ? 100 : 1;
  const display = (v: number) => (d.unit === 'fraction' ? `${Number((v * 100).toFixed(2))}%` : String(Number(v.toPrecision(6))));

  const runSweep = async () => {
    setBusy(true);
    setPoints(await later(() => sweep(prepared, scenario, key, range[0], range[1], 20)));
    setBusy(false);
  };
  const runTornado = async () => {
    setBusy(true);
    setBars(await later(() => tornado(prepared, scenario, outcome)));
    setBusy(false);
  };
  const sweepChart = useMemo(
    () =>
      points &&
      sweepOption(points, { parameter: d.label[lang], cv: t('out_cv'), gini: t('out_gini'), theil: t('out_theil'), failures: t('failures'), equityAxis: t('equity').split('（')[0]!, failuresAxis: t('failures') }, display),
    // display depends only on d
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [points, lang],
  );
  const tornadoChart = useMemo(() => bars && tornadoOption(bars.base, bars.bars, { low: '−10%', high: '+10%', outcome: `${t(`out_${outcome}` as TransferTextKey)}（Δ，基准 ${bars.base.toFixed(6)}）` }, (b) => b.label[lang]), [bars, lang, outcome, t]);

  return (
    <section className="card" data-testid="sensitivity-section">
      <h3>{t('sensitivity')}</h3>
      <div className="controls-row">
        <label>
          {t('sweepParam')}{' '}
          <select
            data-testid="sweep-param"
            value={key}
            onChange={(e) => {
              setKey(e.target.value);
              setRange(defaultRange(e.target.value, params, year));
              setPoints(null);
            }}
          >
            {SWEEPABLE.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label[lang]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('from')} <input type="number" className="parameter-number" value={Number((range[0] * scale).toPrecision(8))} onChange={(e) => setRange([Number(e.target.value) / scale, range[1]])} data-testid="sweep-from" />
        </label>
        <label>
          {t('to')} <input type="number" className="parameter-number" value={Number((range[1] * scale).toPrecision(8))} onChange={(e) => setRange([range[0], Number(e.target.value) / scale])} data-testid="sweep-to" />
        </label>
        <button type="button" className="button-small" data-testid="sweep-run" disabled={busy} onClick={() => void runSweep()}>
          {t('sweep')}
        </button>
        <DelayedProgress active={busy} label={t('loading')} />
      </div>
      {sweepChart && <EChart option={sweepChart} height={300} testId="sweep-chart" />}
      <div className="controls-row">
        <label>
          {t('outcome')}{' '}
          <select data-testid="tornado-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`out_${o}` as TransferTextKey)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button-small" data-testid="tornado-run" disabled={busy} onClick={() => void runTornado()}>
          {t('tornado')}
        </button>
      </div>
      {tornadoChart && <EChart option={tornadoChart} height={Math.max(220, 28 * (bars?.bars.length ?? 0) + 80)} testId="tornado-chart" />}
    </section>
  );
}
