// Load something from the engine when a view opens (and again on reload): loading, error, value.
import { useCallback, useEffect, useState } from 'react';
import type { Channel, Input, Output } from '../../../core/ipc/contracts';
import type { AppError } from '../../../core/result';
import { useEngine } from '../bridge/engine-context';

export type QueryState<T> = { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; value: T };

export function useEngineQuery<C extends Channel>(channel: C, input: Input<C>, version = 0) {
  const engine = useEngine();
  const [state, setState] = useState<QueryState<Output<C>>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(input);
  useEffect(() => {
    let stale = false;
    void engine.call(channel, JSON.parse(key) as Input<C>).then((reply) => {
      if (stale) return;
      setState(reply.ok ? { status: 'ready', value: reply.value } : { status: 'error', error: reply.error });
    });
    return () => {
      stale = true;
    };
  }, [engine, channel, key, attempt, version]);
  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  return { state, reload };
}
