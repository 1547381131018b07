// Transfer simulator channels (issue #5). The renderer evaluates scenarios itself (core/transfer,
// instant on every slider move); the engine gathers the inputs, stores scenarios with the hashes
// of their parameters and data, and runs the LP solver for goal seeking.
import { prepare } from '../../../core/transfer/prepare';
import { resolveParameters, type OverlayEntry } from '../../../core/transfer/parameters';
import { seekGoal } from '../../../core/transfer/goal';
import { parametersHash } from '../../../core/transfer/simulate';
import type { SimInputs } from '../../../core/transfer/inputs';
import { gatherSimInputs } from '../../../db/transfer/inputs';
import { createScenario, deleteScenario, duplicateScenario, ensureBaseline, getScenario, listScenarios, renameScenario, saveScenario } from '../../../db/transfer/scenarios';
import { loadSolver } from '../../../db/transfer/solver';
import { simulationYears } from '../../../db/transfer/years';
import type { Handlers } from '../dispatcher';
import type { EngineState } from '../state';

type TransferChannels = 'transfer.inputs' | 'transfer.scenarios' | 'transfer.edit' | 'transfer.goalSeek';

function hashes(inputs: SimInputs, overlay: readonly OverlayEntry[], scores: Record<string, number> | undefined) {
  return { year: inputs.year, paramsHash: parametersHash(inputs.year, resolveParameters(overlay, inputs.year), scores), dataHash: inputs.dataHash };
}

export function transferHandlers(state: EngineState): Pick<Handlers, TransferChannels> {
  const inputsFor = (regionCode: string, year: number | undefined) => gatherSimInputs(state.db, { regionCode, year });
  return {
    'transfer.inputs': (input) => ({ inputs: gatherSimInputs(state.db, input), availableYears: simulationYears(state.db) }),
    'transfer.scenarios': (input) => {
      const inputs = inputsFor(input.regionCode, input.year);
      const baseline = ensureBaseline(state.db, input.regionCode, hashes(inputs, [], undefined));
      const stored = listScenarios(state.db, input.regionCode);
      return { scenarios: baseline.id === 0 ? [baseline, ...stored] : stored };
    },
    'transfer.edit': (input) => {
      switch (input.action) {
        case 'create': {
          const inputs = inputsFor(input.regionCode, input.year);
          return { scenario: createScenario(state.db, { regionCode: input.regionCode, name: input.name, overlay: input.overlay, scores: input.scores, ...hashes(inputs, input.overlay, input.scores) }), deletedId: null };
        }
        case 'save': {
          const current = getScenario(state.db, input.id);
          const inputs = inputsFor(current.regionCode, input.year);
          return { scenario: saveScenario(state.db, input.id, { overlay: input.overlay, scores: input.scores, ...hashes(inputs, input.overlay, input.scores ?? current.scores) }), deletedId: null };
        }
        case 'rename':
          return { scenario: renameScenario(state.db, input.id, input.name), deletedId: null };
        case 'duplicate':
          return { scenario: duplicateScenario(state.db, input.id), deletedId: null };
        case 'delete':
          deleteScenario(state.db, input.id);
          return { scenario: null, deletedId: input.id };
      }
    },
    'transfer.goalSeek': async (input) => {
      const p = prepare(inputsFor(input.regionCode, input.year));
      return seekGoal(p, { name: 'goal', overlay: input.overlay, scores: input.scores }, input.goal, await loadSolver());
    },
  };
}
