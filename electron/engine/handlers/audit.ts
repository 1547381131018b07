// History, verification and backups for the app. A restore closes the engine's connection, puts
// the backup in place and reopens; every handler reads state.db per call, so all see the new one.
import { basename } from 'node:path';
import { CodedError } from '../../../core/result';
import { auditTable } from '../../../db/audit/export';
import { appendAudit, listAudit } from '../../../db/audit/log';
import { verifyAudit } from '../../../db/audit/verify';
import { listBackups, writeBackup } from '../../../db/backup/backups';
import { restoreBackup } from '../../../db/backup/restore';
import { tableToCsv, tableToXlsx } from '../../../db/export/table-file';
import { openDatabase } from '../../../db/open';
import type { Handlers } from '../dispatcher';
import type { EngineState } from '../state';

export function auditHandlers(state: EngineState): Pick<Handlers, 'audit.history' | 'audit.verify' | 'audit.export' | 'backup.list' | 'backup.create' | 'backup.restore'> {
  return {
    'audit.history': ({ entity, entityId, limit }) => {
      const entries = listAudit(state.db, { ...(entity ? { entity } : {}), ...(entityId ? { entityId } : {}), withFacts: entity === 'dataset', order: 'newest', limit });
      const head = listAudit(state.db, { order: 'newest', limit: 1 })[0];
      return { entries, headSeq: head?.seq ?? 0 };
    },
    'audit.verify': () => verifyAudit(state.db),
    'audit.export': async ({ format, entity, entityId }) => {
      const table = auditTable(state.db, { ...(entity ? { entity } : {}), ...(entityId ? { entityId } : {}) }, { forXlsx: format === 'xlsx' });
      return { fileName: `审计日志${entity ? `-${entity}${entityId ? `-${entityId}` : ''}` : ''}.${format}`, bytes: format === 'csv' ? tableToCsv(table) : await tableToXlsx(table) };
    },
    'backup.list': () => ({ backups: listBackups(state.file) }),
    'backup.create': () => {
      if (state.readOnly) throw new CodedError('db_read_only', state.readOnly.message);
      const file = writeBackup(state.db, state.file, 'manual');
      appendAudit(state.db, { action: 'backup', entity: 'database', after: { backup: basename(file) } });
      const info = listBackups(state.file).find((b) => b.file === file);
      if (!info) throw new CodedError('internal', `备份已写入但无法读取 / the backup was written but cannot be read: ${file}`);
      return { backup: info };
    },
    'backup.restore': ({ name }) => {
      if (state.readOnly) throw new CodedError('db_read_only', `${state.readOnly.message}；只读时不能恢复备份 / a read-only database cannot be restored over`);
      if (state.db.open) state.db.close();
      try {
        const result = restoreBackup(state.file, name);
        state.db = result.opened.db;
        state.recovery = null;
        return { restored: result.restored, safetyCopy: result.safetyCopy };
      } catch (e) {
        // Whatever happened, keep the engine usable: reopen what is there now, or stay in recovery.
        reopen(state);
        throw e;
      }
    },
  };
}

function reopen(state: EngineState): void {
  if (state.db.open) return;
  try {
    state.db = openDatabase(state.file).db;
  } catch {
    // still damaged: the recovery screen stays and offers the backups again
  }
}
