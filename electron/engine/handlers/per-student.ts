import { encodeSeries } from '../../../core/arrow/per-student-series';
import { CodedError } from '../../../core/result';
import { getRegion } from '../../../db/repos/regions';
import { perStudentSeries } from '../../../db/repos/series';
import type { Handlers } from '../dispatcher';
import type { EngineState } from '../state';

export function perStudentHandlers(state: EngineState): Pick<Handlers, 'perStudent.series'> {
  return {
    'perStudent.series': (input) => {
      const region = getRegion(state.db, input.regionCode);
      if (!region) throw new CodedError('not_found', `地区代码 ${input.regionCode} 不在数据库中 / region ${input.regionCode} is not in the database`);
      const result = perStudentSeries(state.db, {
        regionCode: input.regionCode,
        year: input.year,
        span: input.span,
        scope: input.scope,
        expenditureDatasetId: input.expenditureDatasetId,
        enrolmentDatasetId: input.enrolmentDatasetId,
      });
      return {
        region,
        series: encodeSeries(result.rows),
        firstYear: result.firstYear,
        lastYear: result.lastYear,
        expenditureDataset: result.expenditureDataset,
        enrolmentDataset: result.enrolmentDataset,
        candidates: result.candidates,
        crosswalk: result.crosswalk,
        availableYears: result.availableYears,
      };
    },
  };
}
