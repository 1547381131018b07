import type { EngineState } from '../state';
import type { Handlers } from '../dispatcher';
import { hasSyntheticData } from '../../../db/repos/datasets';
import { listBackups } from '../../../db/backup/backups';

export function appHandlers(state: EngineState): Pick<Handlers, 'app.info'> {
  return {
    'app.info': () => ({
      appVersion: state.appVersion,
      schemaVersion: state.recovery ? 0 : (state.db.pragma('user_version', { simple: true }) as number),
      databaseFile: state.file,
      synthetic: state.recovery ? false : hasSyntheticData(state.db),
      host: state.host,
      readOnly: state.readOnly,
      recovery: state.recovery ? { message: state.recovery.message, backups: listBackups(state.file) } : null,
    }),
  };
}
