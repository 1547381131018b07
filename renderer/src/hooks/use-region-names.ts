// Region code → name, from the engine's current region table (imports may add regions, so views
// that name regions ask again when they open rather than reuse the tree loaded at start).
import { useMemo } from 'react';
import { useEngineQuery } from './use-engine-query';

export function useRegionNames(version = 0): Map<string, string> {
  const { state } = useEngineQuery('regions.tree', {}, version);
  return useMemo(() => new Map(state.status === 'ready' ? state.value.regions.map((r) => [r.code, r.name]) : []), [state]);
}
