// Which files an export must never replace: the database it reads, the files SQLite keeps beside
// it (WAL, shared memory, rollback journal), the workbench's own companions (the restore staging
// file, the audit-head sidecar, the writer lock) and everything in its backups folder. Writing a
// brief or an export over any of these destroys the data it came from, so no --force permits it.
//
// Pure string logic on paths the host has already made absolute and resolved through symbolic
// links (the CLI and Electron main both do that with node:fs, then ask here).

/** Files SQLite and the workbench keep beside `<database>`, as suffixes of its full name. */
export const DATABASE_COMPANION_SUFFIXES = ['-wal', '-shm', '-journal', '.restoring', '.audit-head.json', '.lock'] as const;
export const BACKUPS_FOLDER_NAME = 'backups';

export type PathFlavour = { separator: '/' | '\\'; caseInsensitive: boolean };

export function pathFlavour(platform: string): PathFlavour {
  return { separator: platform === 'win32' ? '\\' : '/', caseInsensitive: platform === 'win32' || platform === 'darwin' };
}

function parentOf(path: string, sep: string): string {
  const at = path.lastIndexOf(sep);
  return at <= 0 ? sep : path.slice(0, at);
}

/**
 * Why `target` must not be written, or null when it may be. Both paths are absolute and resolved.
 * The reason is bilingual and names the file it protects.
 */
export function protectedOutputReason(target: string, databaseFile: string, flavour: PathFlavour): string | null {
  const norm = (p: string) => {
    const trimmed = p.length > 1 && p.endsWith(flavour.separator) ? p.slice(0, -1) : p;
    return flavour.caseInsensitive ? trimmed.toLowerCase() : trimmed;
  };
  const t = norm(target);
  const db = norm(databaseFile);
  if (t === db) return `${target} 是正在使用的数据库，不能写入导出文件 / is the workbench database itself; an export never replaces it`;
  for (const suffix of DATABASE_COMPANION_SUFFIXES) {
    if (t === db + suffix) return `${target} 是数据库 ${databaseFile} 的配套文件，不能覆盖 / belongs to the database ${databaseFile} (${suffix}); an export never replaces it`;
  }
  const backups = norm(parentOf(databaseFile, flavour.separator) + flavour.separator + BACKUPS_FOLDER_NAME);
  if (t === backups || t.startsWith(backups + norm(flavour.separator))) return `${target} 位于数据库的备份文件夹，不能写入导出文件 / is in the database's backups folder; an export never writes there`;
  return null;
}
