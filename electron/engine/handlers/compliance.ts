// Compliance engine channels (issue #4): the rule registry, a check run, drill-down, annotations
// and the year-over-year variance report. Each handler is a thin call into db/compliance.
import { RULES } from '../../../core/compliance/registry';
import { addAnnotation, removeAnnotation } from '../../../db/compliance/annotations';
import { runCheck } from '../../../db/compliance/check';
import { drilldown } from '../../../db/compliance/drilldown';
import { variance } from '../../../db/compliance/variance';
import { complianceView } from '../../../db/compliance/view';
import type { Handlers } from '../dispatcher';
import type { EngineState } from '../state';

type ComplianceChannels = 'compliance.rules' | 'compliance.check' | 'compliance.drilldown' | 'compliance.annotate' | 'compliance.variance' | 'compliance.view';

export function complianceHandlers(state: EngineState): Pick<Handlers, ComplianceChannels> {
  return {
    'compliance.rules': () => ({ rules: [...RULES] }),
    'compliance.check': (input) => {
      const { results, summary, provenance } = runCheck(state.db, input);
      return { results, summary, provenance };
    },
    'compliance.view': async (input, ctx) => {
      const { datasets: _datasets, ...out } = await complianceView(state.db, input, ctx);
      return out;
    },
    'compliance.drilldown': (input) => drilldown(state.db, input),
    'compliance.annotate': (input) => {
      if (input.action === 'remove') {
        removeAnnotation(state.db, input.id);
        return { annotation: null, removedId: input.id };
      }
      const { action: _action, ...note } = input;
      return { annotation: addAnnotation(state.db, note), removedId: null };
    },
    'compliance.variance': (input) => variance(state.db, input),
  };
}
