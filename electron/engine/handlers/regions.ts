import type { EngineState } from '../state';
import type { Handlers } from '../dispatcher';
import { listCodeChanges, listRegions } from '../../../db/repos/regions';
import { listDatasets } from '../../../db/repos/datasets';

export function regionHandlers(state: EngineState): Pick<Handlers, 'regions.tree' | 'datasets.list'> {
  return {
    'regions.tree': () => ({ regions: listRegions(state.db), codeChanges: listCodeChanges(state.db) }),
    'datasets.list': () => ({ datasets: listDatasets(state.db) }),
  };
}
