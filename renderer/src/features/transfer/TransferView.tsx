// 转移支付模拟: the analyst picks the region whose counties share the pool and a year, edits a
// scenario's parameters (every move recomputed here at once with core/transfer), reads the impact,
// compares baseline / proposal / alternative, runs goal seeking and sensitivity, and saves.
import { RegionSelect } from '../../components/RegionSelect';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RegionInfo } from '../../../../core/ipc/schemas';
import type { MoneyUnit } from '../../../../core/money/fen';
import type { AppError } from '../../../../core/result';
import { report, type ScenarioReport } from '../../../../core/transfer/compare';
import { resolveParameters } from '../../../../core/transfer/parameters';
import { prepare } from '../../../../core/transfer/prepare';
import { useEngine } from '../../bridge/engine-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useEngineQuery } from '../../hooks/use-engine-query';
import { useI18n } from '../../i18n/i18n';
import { AllocationTable, WinnersLosers } from './AllocationTable';
import { ComparisonPanel } from './ComparisonPanel';
import { GoalSeekPanel } from './GoalSeekPanel';
import { normaliseWeights } from './weights';
import { ParameterPanel } from './ParameterPanel';
import { ResultsSummary } from './ResultsSummary';
import { GapReachPanel } from './GapReachPanel';
import { ScenarioBar } from './ScenarioBar';
import { HistoryPanel } from '../audit/HistoryPanel';
import { auditText } from '../audit/text';
import { SensitivityPanel } from './SensitivityPanel';
import { transferText } from './text';
import { useScenarioEditor } from './use-scenario-editor';

/** A field where Ctrl+Z means "undo my typing" (a name), not "undo the scenario edit". */
function isFreeText(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  if (el.tagName === 'TEXTAREA' || el.isContentEditable) return true;
  return el.tagName === 'INPUT' && ['text', 'search'].includes((el as HTMLInputElement).type);
}

export function TransferView({ regions, initialRegion, unit }: { regions: readonly RegionInfo[]; initialRegion: string | null; unit: MoneyUnit }) {
  const { lang, t: tGlobal } = useI18n();
  const t = useMemo(() => transferText(lang), [lang]);
  const engine = useEngine();
  const parents = useMemo(() => regions.filter((r) => r.level !== 'county' && regions.some((c) => c.parentCode === r.code)), [regions]);
  const [regionCode, setRegionCode] = useState(() => parents.find((r) => r.code === initialRegion)?.code ?? parents.find((r) => r.level === 'province')?.code ?? parents[0]?.code ?? '');
  const [year, setYear] = useState<number | undefined>(undefined);
  const inputsQuery = useEngineQuery('transfer.inputs', { regionCode, year });
  const [version, setVersion] = useState(0);
  const scenariosQuery = useEngineQuery('transfer.scenarios', { regionCode, year }, version);
  const scenarios = useMemo(() => (scenariosQuery.state.status === 'ready' ? scenariosQuery.state.value.scenarios : []), [scenariosQuery.state]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [compareId, setCompareId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<AppError | null>(null);
  const editor = useScenarioEditor([]);
  const selected = scenarios.find((s) => s.id === selectedId) ?? null;
  const { replace } = editor;

  // A scenario just created or duplicated is selected once the reloaded list holds it.
  const awaiting = useRef<number | null>(null);
  // Select the first non-baseline scenario (or the baseline) when the list arrives or the selection vanishes.
  useEffect(() => {
    if (awaiting.current !== null) {
      const made = scenarios.find((s) => s.id === awaiting.current);
      if (!made) return;
      awaiting.current = null;
      setSelectedId(made.id);
      replace(made.overlay);
      return;
    }
    if (scenarios.length && !scenarios.some((s) => s.id === selectedId)) {
      const first = scenarios.find((s) => !s.isBaseline) ?? scenarios[0]!;
      setSelectedId(first.id);
      replace(first.overlay);
    }
  }, [scenarios, selectedId, replace]);
  const select = useCallback((id: number | null) => {
    awaiting.current = id;
  }, []);

  const inputs = inputsQuery.state.status === 'ready' ? inputsQuery.state.value.inputs : null;
  const years = inputsQuery.state.status === 'ready' ? inputsQuery.state.value.availableYears : [];
  const prepared = useMemo(() => (inputs ? prepare(inputs) : null), [inputs]);
  const scores = useMemo(() => selected?.scores ?? {}, [selected]);
  const scenario = useMemo(() => ({ name: selected?.name ?? t('newName'), overlay: editor.overlay, scores }), [selected?.name, editor.overlay, scores, t]);
  const params = useMemo(() => resolveParameters(editor.overlay, inputs?.year ?? 2024), [editor.overlay, inputs?.year]);

  const [reports, evalError] = useMemo((): [ScenarioReport[] | null, string | null] => {
    if (!prepared) return [null, null];
    try {
      const compared = scenarios.find((s) => s.id === compareId);
      const list = [report(prepared, { name: t('baseline'), overlay: [] }), report(prepared, scenario)];
      if (compared) list.push(report(prepared, { name: compared.name, overlay: compared.overlay, scores: compared.scores }));
      return [list, null];
    } catch (e) {
      return [null, (e as Error).message];
    }
  }, [prepared, scenario, scenarios, compareId, t]);

  const dirty = selected !== null && !selected.isBaseline && JSON.stringify(selected.overlay) !== JSON.stringify(editor.overlay);

  const act = useCallback(
    async (call: () => ReturnType<typeof engine.call<'transfer.edit'>>, after?: (id: number | null) => void) => {
      setBusy(true);
      setActionError(null);
      try {
        const reply = await call();
        if (!reply.ok) return setActionError(reply.error);
        after?.(reply.value.scenario?.id ?? null);
        setVersion((v) => v + 1);
      } finally {
        setBusy(false);
      }
    },
    [engine],
  );

  useEffect(() => {
    // One history wherever focus is: in a parameter's number box the browser's own text undo
    // would otherwise run and leave the scenario unchanged. Only free-text fields (a scenario's
    // name) keep the browser's undo. Capture phase, so the browser never sees the keystroke.
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isFreeText(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        editor.undo();
      } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
        e.preventDefault();
        editor.redo();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [editor]);

  const proposal = reports?.[1] ?? null;
  return (
    <main className="view transfer-view" data-testid="transfer-view">
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <section className="card controls-row">
        <RegionSelect
          label={t('region')}
          testId="transfer-region"
          regions={parents}
          all={regions}
          value={regionCode}
          onChange={(code) => {
            setRegionCode(code);
            setSelectedId(null);
            setCompareId(null);
          }}
        />
        <label>
          {t('year')}{' '}
          <select data-testid="transfer-year" value={inputs?.year ?? ''} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button-small"
          data-testid="scenario-from-data"
          disabled={busy || !inputs || (inputs.holes?.length ?? 0) > 0}
          title={inputs?.holes?.length ? t('fromDataHoles', { n: inputs.holes.length }) : t('fromDataHint')}
          onClick={() => inputs && void act(() => engine.call('transfer.edit', { action: 'create', regionCode, year: inputs.year, name: t('fromDataName', { region: inputs.regionName, year: inputs.year }), overlay: [] }), (id) => select(id))}
        >
          {t('fromData')}
        </button>
        <label>
          {t('compareWith')}{' '}
          <select data-testid="transfer-compare" value={compareId ?? ''} onChange={(e) => setCompareId(e.target.value ? Number(e.target.value) : null)}>
            <option value="">{t('none')}</option>
            {scenarios
              .filter((s) => !s.isBaseline && s.id !== selectedId)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
          </select>
        </label>
        {inputs && proposal && (
          <span className="muted hashes" data-testid="transfer-hashes" title={inputs.datasets.map((d) => `#${d.id} ${d.name} sha256 ${d.sha256}`).join('\n')}>
            {t('hashes', { p: proposal.result.paramsHash.slice(0, 12), d: inputs.dataHash.slice(0, 12) })} · {t('sources')}：{inputs.datasets.map((d) => `#${d.id}`).join(' ')}
          </span>
        )}
      </section>
      {inputs?.holes && inputs.holes.length > 0 && (
        // Missing is never zero: name every unit-year the data basis does not cover.
        <div className="read-only-notice" role="alert" data-testid="transfer-holes">
          {tGlobal('transferHoles', { n: inputs.holes.length })} {inputs.holes.slice(0, 8).map((h) => `${h.name} ${h.year}（${h.reason.split(' / ')[0]}）`).join('；')}
          {inputs.holes.length > 8 ? ' …' : ''}
        </div>
      )}
      {inputsQuery.state.status === 'error' && <ErrorBanner error={inputsQuery.state.error} onRetry={inputsQuery.reload} />}
      {scenariosQuery.state.status === 'error' && <ErrorBanner error={scenariosQuery.state.error} onRetry={scenariosQuery.reload} />}
      {(inputsQuery.state.status === 'loading' || scenariosQuery.state.status === 'loading') && <div className="loading">{t('loading')}</div>}
      <ScenarioBar
        scenarios={scenarios}
        selectedId={selectedId}
        dirty={dirty}
        busy={busy}
        canUndo={editor.canUndo}
        canRedo={editor.canRedo}
        t={t}
        onSelect={(id) => {
          setSelectedId(id);
          editor.replace(scenarios.find((s) => s.id === id)?.overlay ?? []);
          if (compareId === id) setCompareId(null);
        }}
        onCreate={(name) => void act(() => engine.call('transfer.edit', { action: 'create', regionCode, year: inputs?.year, name, overlay: editor.overlay }), (id) => select(id))}
        onRename={(id, name) => void act(() => engine.call('transfer.edit', { action: 'rename', id, name }))}
        onDuplicate={(id) => void act(() => engine.call('transfer.edit', { action: 'duplicate', id }), (newId) => select(newId))}
        onDelete={(id) => void act(() => engine.call('transfer.edit', { action: 'delete', id }), () => select(null))}
        onSave={() => selected && void act(() => engine.call('transfer.edit', { action: 'save', id: selected.id, year: inputs?.year, overlay: editor.overlay }))}
        onUndo={editor.undo}
        onRedo={editor.redo}
      />
      {actionError && <ErrorBanner error={actionError} />}
      {evalError && <ErrorBanner error={{ code: 'bad_input', message: evalError }} />}
      {prepared && inputs && proposal && reports && (
        <div className="transfer-layout">
          <aside className="card transfer-parameters">
            <h3>{t('parameters')}</h3>
            <ParameterPanel params={params} year={inputs.year} unit={unit} lang={lang} t={t} disabled={selected?.isBaseline ?? true} onSet={editor.set} onReset={editor.reset} onNormalise={() => editor.setOverlay(normaliseWeights(editor.overlay, inputs.year))} />
          </aside>
          <div className="transfer-results">
            <p className="muted">{t('assumption')}</p>
            <ResultsSummary report={proposal} unit={unit} lang={lang} t={t} />
            <GapReachPanel reports={reports} inputs={inputs} lang={lang} />
            <WinnersLosers winners={proposal.winners.winners} losers={proposal.winners.losers} unit={unit} t={t} />
            <ComparisonPanel reports={reports} inputs={inputs} unit={unit} t={t} />
            <AllocationTable rows={proposal.rows} unit={unit} t={t} />
            <GoalSeekPanel regionCode={regionCode} year={inputs.year} overlay={editor.overlay} scores={scores} lang={lang} unit={unit} t={t} canApply={!(selected?.isBaseline ?? true)} onApply={editor.setOverlay} />
            <SensitivityPanel prepared={prepared} scenario={scenario} params={params} lang={lang} t={t} />
            {selected && <HistoryPanel entity="scenario" entityId={String(selected.id)} title={auditText(lang)('historyOf', { what: selected.name })} version={`${selected.updatedAt}|${selected.name}`} testId="scenario-history" />}
          </div>
        </div>
      )}
    </main>
  );
}
