import { regionCosts } from '../../../db/balance/costs';
import { readUnitCosts, writeUnitCosts } from '../../../db/balance/unit-costs';
import { costsView, countyView, targetsView } from '../../../db/balance/view';
import { balanceWorkbook } from '../../../db/export/balance-xlsx';
import { CodedError } from '../../../core/result';
import type { Handlers } from '../dispatcher';
import type { EngineState } from '../state';


type TargetChannels = 'targets.monitor' | 'targets.costs' | 'targets.county' | 'targets.unitCosts.get' | 'targets.unitCosts.set' | 'targets.export';

export function targetsHandlers(state: EngineState): Pick<Handlers, TargetChannels> {
  return {
    'targets.monitor': (input) => targetsView(state.db, input.regionCode, input.year),
    'targets.costs': (input) => costsView(state.db, input.regionCode, input.year),
    'targets.county': (input) => countyView(state.db, input.countyCode, input.year),
    'targets.unitCosts.get': () => readUnitCosts(state.db),
    'targets.unitCosts.set': (input) => writeUnitCosts(state.db, input),
    'targets.export': async (input) => {
      const rc = regionCosts(state.db, input.regionCode, input.year);
      if (!rc) throw new CodedError('not_found', `无数据：${input.regionCode} ${input.year} 年没有学校数据 / no schools data`);
      const title = rc.names.get(input.regionCode) ?? input.regionCode;
      const bytes = await balanceWorkbook({ title, year: input.year, source: `#${rc.dataset.id} ${rc.dataset.name}`, synthetic: rc.dataset.synthetic, names: rc.names, prefectureOf: rc.prefectureOf, assessments: rc.assessments, costs: rc.costs });
      return { fileName: `优质均衡_${title}_${input.year}.xlsx`, bytes };
    },
  };
}
