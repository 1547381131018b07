// 数据体检 and the datasets each view reads (for the 合成数据 banner), from the data basis.
import { CodedError } from '../../../core/result';
import { dataHealth, datasetsUsedBy } from '../../../db/repos/data-health';
import type { Handlers } from '../dispatcher';
import type { EngineState } from '../state';

export function healthHandlers(state: EngineState): Pick<Handlers, 'health.report' | 'basis.uses'> {
  return {
    'health.report': ({ scope, govLevel, from, to, underRegion }) => {
      if (from !== undefined && to !== undefined && from > to) throw new CodedError('bad_input', `起始年份 ${from} 晚于结束年份 ${to} / from is after to`);
      return dataHealth(state.db, { scope, govLevel, from, to, underRegion });
    },
    'basis.uses': ({ scope, view, region }) => {
      const datasets = datasetsUsedBy(state.db, scope, view, region);
      return { synthetic: datasets.some((d) => d.synthetic), datasets };
    },
  };
}
