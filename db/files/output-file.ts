// Writing a file the user named (an export, a brief, a template, the audit log): an existing file
// is replaced only when the caller says so (--force), and never when it is the open database, its
// WAL/SHM/journal, a workbench companion or a backup — compared by resolved path and by inode, so
// a symbolic or hard link to the database is caught too. A forced replacement is written beside the
// target and renamed over it, so a failure leaves the old file whole.
import { existsSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CodedError } from '../../core/result';
import { BACKUPS_FOLDER_NAME, DATABASE_COMPANION_SUFFIXES, pathFlavour, protectedOutputReason } from '../../core/security/output-path';

export type OutputOptions = {
  /** Replace an existing file (never a protected one). */
  force: boolean;
  /** The database this run reads or would open: it, its companions and its backups are protected. */
  databaseFile: string;
};

function resolvedPath(path: string): string {
  const abs = resolve(path);
  if (existsSync(abs)) return realpathSync(abs);
  const parent = dirname(abs);
  if (!existsSync(parent)) throw new CodedError('bad_input', `文件夹不存在：${parent} / the folder ${parent} does not exist`);
  return join(realpathSync(parent), basename(abs));
}

function protectedFiles(databaseFile: string): string[] {
  const files = [databaseFile, ...DATABASE_COMPANION_SUFFIXES.map((s) => databaseFile + s)];
  const backups = join(dirname(databaseFile), BACKUPS_FOLDER_NAME);
  try {
    for (const name of readdirSync(backups)) files.push(join(backups, name));
  } catch {
    // no backups folder yet
  }
  return files.filter((f) => existsSync(f));
}

/** Refuse (CodedError bad_input / conflict) an output path that must not be written. */
export function checkOutputFile(path: string, options: OutputOptions): string {
  if (path === '') throw new CodedError('bad_input', '输出文件名为空 / the output file name is empty');
  const target = resolvedPath(path);
  const db = existsSync(options.databaseFile) ? realpathSync(options.databaseFile) : resolve(options.databaseFile);
  const reason = protectedOutputReason(target, db, pathFlavour(process.platform));
  if (reason) throw new CodedError('bad_input', reason);
  if (!existsSync(target)) return target;
  const stat = statSync(target);
  if (stat.isDirectory()) throw new CodedError('bad_input', `${path} 是文件夹 / is a folder; name a file`);
  for (const file of protectedFiles(db)) {
    const other = statSync(file);
    if (other.dev === stat.dev && other.ino === stat.ino) throw new CodedError('bad_input', `${path} 与 ${file} 是同一个文件（链接），不能覆盖 / is the same file as ${file} (a link to it); an export never replaces it`);
  }
  if (!options.force) throw new CodedError('conflict', `${path} 已存在；确需覆盖请加 --force / ${path} exists; add --force to replace it`);
  return target;
}

/** Check, then write: a new file exclusively (a race with another writer fails), a replacement atomically. */
export function writeOutputFile(path: string, bytes: Uint8Array | string, options: OutputOptions): void {
  const target = checkOutputFile(path, options);
  if (!existsSync(target)) {
    try {
      writeFileSync(path, bytes, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new CodedError('conflict', `${path} 刚被另一个程序创建 / ${path} was just created by another program; nothing written`);
      throw e;
    }
    return;
  }
  const partial = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  try {
    writeFileSync(partial, bytes, { flag: 'wx' });
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
}
