import type { EngineState } from '../state';
import type { Handlers } from '../dispatcher';
import { resolveBasis } from '../../../db/repos/basis';
import { listBackups } from '../../../db/backup/backups';

export function appHandlers(state: EngineState): Pick<Handlers, 'app.info'> {
  return {
    'app.info': () => ({
      appVersion: state.appVersion,
      schemaVersion: state.recovery ? 0 : (state.db.pragma('user_version', { simple: true }) as number),
      databaseFile: state.file,
      // 合成数据 exactly while synthetic datasets are part of the data basis the views read.
      synthetic: state.recovery ? false : resolveBasis(state.db, 'consolidated').summary.some((s) => s.synthetic),
      host: state.host,
      readOnly: state.readOnly,
      recovery: state.recovery ? { message: state.recovery.message, backups: listBackups(state.file) } : null,
    }),
  };
}
