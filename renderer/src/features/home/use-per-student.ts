// Loads the exact series for a region from the engine and derives the table and trend with the
// same core functions the CLI uses, so the screen and `wb per-student` cannot disagree.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { decodeSeries, type SeriesRow } from '../../../../core/arrow/per-student-series';
import type { Output } from '../../../../core/ipc/contracts';
import type { Divisor } from '../../../../core/metrics/divisor';
import { perStudentTable, perStudentTrend } from '../../../../core/metrics/per-student';
import type { AppError } from '../../../../core/result';
import { useEngine } from '../../bridge/engine-context';

export type SeriesState =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'ready'; response: Output<'perStudent.series'>; rows: SeriesRow[] };

export const TREND_YEARS = 10;

export function usePerStudent(regionCode: string | null, year: number | null, scope: 'consolidated' | 'own_level') {
  const engine = useEngine();
  const [state, setState] = useState<SeriesState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!regionCode) return;
    let stale = false;
    setState({ status: 'loading' });
    void engine.call('perStudent.series', year === null ? { regionCode, scope, span: TREND_YEARS } : { regionCode, year, scope, span: TREND_YEARS }).then((reply) => {
      if (stale) return;
      if (!reply.ok) setState({ status: 'error', error: reply.error });
      else setState({ status: 'ready', response: reply.value, rows: decodeSeries(reply.value.series) });
    });
    return () => {
      stale = true;
    };
  }, [engine, regionCode, year, scope, attempt]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { state, retry };
}

export function useDerived(state: SeriesState, divisor: Divisor) {
  return useMemo(() => {
    if (state.status !== 'ready') return null;
    const year = state.response.lastYear;
    return {
      table: perStudentTable(state.rows, year, divisor),
      trend: perStudentTrend(state.rows, state.response.firstYear, state.response.lastYear, divisor),
    };
  }, [state, divisor]);
}
