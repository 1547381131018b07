// Where the app saves an export: the user picks the file in a save dialog that asks before
// replacing an existing one (Windows and macOS always do; on Linux `showOverwriteConfirmation`
// turns it on), and a path that is the workbench's database, its WAL/SHM, a companion or a backup
// is refused — by resolved path and by inode, so a link to the database is caught too.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { BACKUPS_FOLDER_NAME, DATABASE_COMPANION_SUFFIXES, pathFlavour, protectedOutputReason } from '../../core/security/output-path';

function resolved(path: string): string {
  const abs = resolve(path);
  if (existsSync(abs)) return realpathSync(abs);
  return existsSync(dirname(abs)) ? join(realpathSync(dirname(abs)), basename(abs)) : abs;
}

/** Why the app must not save an export at `chosen`, or null. */
export function downloadRefusal(chosen: string, databaseFile: string): string | null {
  const target = resolved(chosen);
  const db = resolved(databaseFile);
  const reason = protectedOutputReason(target, db, pathFlavour(process.platform));
  if (reason) return reason;
  if (!existsSync(target)) return null;
  const stat = statSync(target);
  const guarded = [db, ...DATABASE_COMPANION_SUFFIXES.map((s) => db + s)];
  const backups = join(dirname(db), BACKUPS_FOLDER_NAME);
  if (existsSync(backups)) for (const name of readdirSync(backups)) guarded.push(join(backups, name));
  for (const file of guarded) {
    if (!existsSync(file)) continue;
    const other = statSync(file);
    if (other.dev === stat.dev && other.ino === stat.ino) return `${chosen} 与 ${file} 是同一个文件 / is the same file as ${file}; an export never replaces it`;
  }
  return null;
}

export function installDownloadGuard(databaseFile: string, log: (line: string) => void): void {
  session.defaultSession.on('will-download', (_event, item, contents) => {
    const window = BrowserWindow.fromWebContents(contents) ?? undefined;
    const options = { defaultPath: join(app.getPath('downloads'), item.getFilename()), properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const] };
    const chosen = window ? dialog.showSaveDialogSync(window, options) : dialog.showSaveDialogSync(options);
    if (!chosen) {
      item.cancel();
      return;
    }
    const refusal = downloadRefusal(chosen, databaseFile);
    if (refusal) {
      log(`refused to save a download: ${refusal}`);
      item.cancel();
      dialog.showErrorBox('教育财政工作台', `未保存 / not saved:\n${refusal}`);
      return;
    }
    item.setSavePath(chosen);
  });
}
