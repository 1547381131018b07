// The compliance view's data for one rule, level, scope and divisor: asked of the engine (which
// computes it once and keeps it), decoded from Arrow once per answer, with progress and a cancel.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Input, Output } from '../../../../core/ipc/contracts';
import { decodeCells, decodeFailures, type FailureRow, type MatrixData } from '../../../../core/compliance/view-arrow';
import type { AppError } from '../../../../core/result';
import { useEngine } from '../../bridge/engine-context';

/** `query`: the input this answer is for (shown as data-query, which the UI timing spec waits on). */
export type ViewData = { raw: Output<'compliance.view'>; matrix: MatrixData; failures: FailureRow[]; query: string };
export type ViewState =
  | { status: 'loading'; done: number; total: number }
  | { status: 'error'; error: AppError }
  | { status: 'cancelled' }
  | { status: 'ready'; value: ViewData };

export function useComplianceView(input: Input<'compliance.view'>, version: number) {
  const engine = useEngine();
  const [state, setState] = useState<ViewState>({ status: 'loading', done: 0, total: 0 });
  const [attempt, setAttempt] = useState(0);
  const controller = useRef<AbortController | null>(null);
  const key = JSON.stringify(input);
  useEffect(() => {
    let stale = false;
    const c = new AbortController();
    controller.current = c;
    // A refresh of the same question (after a note is saved) keeps the figures on screen until the
    // new ones arrive, so the drill-down and its form stay where the user is working.
    const keep = (s: ViewState) => s.status === 'ready' && s.value.query === key;
    setState((s) => (s.status === 'loading' || keep(s) ? s : { status: 'loading', done: 0, total: 0 }));
    void engine
      .call('compliance.view', JSON.parse(key) as Input<'compliance.view'>, {
        signal: c.signal,
        onProgress: (p) => !stale && setState((s) => (keep(s) ? s : { status: 'loading', done: p.done, total: p.total })),
      })
      .then((reply) => {
        if (stale) return;
        if (!reply.ok) {
          setState(reply.error.code === 'cancelled' ? { status: 'cancelled' } : { status: 'error', error: reply.error });
          return;
        }
        const raw = reply.value;
        setState({ status: 'ready', value: { query: key, raw, matrix: decodeCells(raw.regions, raw.cells), failures: withNotes(decodeFailures(raw.failures, raw.valueUnit), raw.annotations) } });
      });
    return () => {
      stale = true;
      // A newer question replaces this one: the engine need not finish the old one for us.
      c.abort();
    };
  }, [engine, key, attempt, version]);
  const cancel = useCallback(() => {
    controller.current?.abort();
    setState({ status: 'cancelled' });
  }, []);
  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  return useMemo(() => ({ state, cancel, reload }), [state, cancel, reload]);
}

/** The notes travel beside the results (they change while the results do not): join them here. */
function withNotes(rows: FailureRow[], notes: Output<'compliance.view'>['annotations']): FailureRow[] {
  if (notes.length === 0) return rows;
  const by = new Map<string, typeof notes>();
  for (const a of notes) {
    const k = `${a.regionCode}|${a.year}|${a.level ?? ''}`;
    by.set(k, [...(by.get(k) ?? []), a]);
  }
  return rows.map((r) => {
    const hit = by.get(`${r.regionCode}|${r.year}|${r.level ?? ''}`);
    return hit ? { ...r, annotations: hit } : r;
  });
}
