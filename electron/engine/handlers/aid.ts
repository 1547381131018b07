import { aidWorkbook } from '../../../db/aid/export';
import { allocationReport, needReport } from '../../../db/aid/report';
import { aidAllocationView, aidNeedView } from '../../../db/aid/view';
import type { Handlers } from '../dispatcher';
import type { EngineState } from '../state';

export function aidHandlers(state: EngineState): Pick<Handlers, 'aid.need' | 'aid.allocate' | 'aid.export'> {
  return {
    'aid.need': (input) => aidNeedView(state.db, input.regionCode, input.year, input.overlay),
    'aid.allocate': (input) => aidAllocationView(state.db, input),
    'aid.export': async (input) => {
      const overlay = input.need.overlay ?? {};
      const need = needReport(state.db, input.need.regionCode, input.need.year, { name: '学生资助', overlay });
      const a = input.allocation;
      const allocation = a
        ? allocationReport(state.db, a.regionCode, a.year, {
            name: '名额分配',
            overlay: a.overlay ?? {},
            allocation: { level: a.level, ...(a.total !== undefined ? { total: a.total } : {}), ...(a.coverage !== undefined ? { coverage: a.coverage } : {}), ...(a.weights ? { weights: a.weights } : {}), ...(a.minRatio !== undefined ? { min_ratio: a.minRatio } : {}), ...(a.capEligible !== undefined ? { cap_eligible: a.capEligible } : {}) },
          })
        : undefined;
      const bytes = await aidWorkbook({ need, ...(allocation ? { allocation } : {}) });
      return { fileName: `学生资助_${need.inputs.region.name}_${need.inputs.year}.xlsx`, bytes };
    },
  };
}
