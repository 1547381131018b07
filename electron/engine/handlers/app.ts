import type { EngineState } from '../state';
import type { Handlers } from '../dispatcher';
import { hasSyntheticData } from '../../../db/repos/datasets';

export function appHandlers(state: EngineState): Pick<Handlers, 'app.info'> {
  return {
    'app.info': () => ({
      appVersion: state.appVersion,
      schemaVersion: state.db.pragma('user_version', { simple: true }) as number,
      databaseFile: state.file,
      synthetic: hasSyntheticData(state.db),
      host: state.host,
    }),
  };
}
