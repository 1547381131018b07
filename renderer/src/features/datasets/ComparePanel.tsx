// Compare two datasets of the same kind cell by cell: counts of same / changed / added / removed
// cells, and the cells that differ (A → B), exportable as a table.
import { useEffect, useRef, useState } from 'react';
import type { DatasetInfo } from '../../../../core/ipc/schemas';
import type { AppError } from '../../../../core/result';
import { useEngine } from '../../bridge/engine-context';
import { DelayedProgress } from '../../components/DelayedProgress';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/i18n';
import { DATASET_KIND_LABEL } from '../../i18n/labels';
import type { Comparison } from './compare-export';
import { CompareResult } from './CompareResult';
import { COMPARABLE_KINDS } from './stored-values';

/** Differing cells listed on screen (the export has them all). */
const SHOWN = 500;

type State = { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; value: Comparison };

export function ComparePanel({ datasets, initial, appVersion }: { datasets: readonly DatasetInfo[]; initial: { a: number; b: number } | null; appVersion: string }) {
  const engine = useEngine();
  const { t } = useI18n();
  const comparable = datasets.filter((d) => COMPARABLE_KINDS.includes(d.kind));
  const [a, setA] = useState<number | null>(initial?.a ?? null);
  const [b, setB] = useState<number | null>(initial?.b ?? null);
  const [state, setState] = useState<State>({ status: 'idle' });
  const panel = useRef<HTMLElement>(null);
  const da = comparable.find((d) => d.id === a);
  const candidatesB = da ? comparable.filter((d) => d.kind === da.kind && d.id !== da.id) : [];

  const run = async (ia: number, ib: number) => {
    setState({ status: 'loading' });
    const reply = await engine.call('datasets.compare', { a: ia, b: ib, limit: SHOWN });
    setState(reply.ok ? { status: 'ready', value: reply.value } : { status: 'error', error: reply.error });
  };

  // Opened from a version link ("取代 #N"): compare at once.
  useEffect(() => {
    if (!initial) return;
    panel.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    void run(initial.a, initial.b);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the panel opens for a pair
  }, []);

  const label = (d: DatasetInfo) => `#${d.id} ${d.name} · ${t(DATASET_KIND_LABEL[d.kind])}`;
  return (
    <section className="panel" data-testid="compare-panel" ref={panel}>
      <h3>{t('compareHeading')}</h3>
      <div className="toolbar compare-toolbar">
        <label className="control">
          <span className="control-label">{t('cmpA')}</span>
          <select
            data-testid="compare-a"
            value={a ?? ''}
            onChange={(e) => {
              const id = e.target.value ? Number(e.target.value) : null;
              setA(id);
              const kind = comparable.find((d) => d.id === id)?.kind;
              if (b !== null && comparable.find((d) => d.id === b)?.kind !== kind) setB(null);
            }}
          >
            <option value="">{t('cmpChoose')}</option>
            {comparable.map((d) => (
              <option key={d.id} value={d.id}>
                {label(d)}
              </option>
            ))}
          </select>
        </label>
        <label className="control">
          <span className="control-label">{t('cmpB')}</span>
          <select data-testid="compare-b" value={b ?? ''} disabled={!da} onChange={(e) => setB(e.target.value ? Number(e.target.value) : null)}>
            <option value="">{da ? t('cmpChoose') : t('cmpChooseAFirst')}</option>
            {candidatesB.map((d) => (
              <option key={d.id} value={d.id}>
                {label(d)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button-primary" data-testid="compare-run" disabled={a === null || b === null || state.status === 'loading'} onClick={() => a !== null && b !== null && void run(a, b)}>
          {t('cmpRun')}
        </button>
        <span className="muted small">{t('cmpHint')}</span>
      </div>
      <DelayedProgress active={state.status === 'loading'} label={t('loading')} />
      {state.status === 'error' && <ErrorBanner error={state.error} />}
      {state.status === 'ready' && <CompareResult comparison={state.value} appVersion={appVersion} />}
    </section>
  );
}
