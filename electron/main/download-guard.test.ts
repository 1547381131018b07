// The app's save path for exports (#16.1): the database, its companions and backups are refused,
// through links too; any other file is the user's choice (the dialog itself asks before replacing).
import { linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../test/support/temp';

vi.mock('electron', () => ({ app: {}, BrowserWindow: {}, dialog: {}, session: {} }));
const { downloadRefusal } = await import('./download-guard');

describe('downloadRefusal', () => {
  const dir = tempDir();
  const db = join(dir, 'workbench.sqlite');
  writeFileSync(db, 'db');
  writeFileSync(`${db}-wal`, 'wal');
  mkdirSync(join(dir, 'backups'));
  writeFileSync(join(dir, 'backups', 'workbench.v6.x.sqlite'), 'backup');
  symlinkSync(db, join(dir, 'link.xlsx'));
  linkSync(db, join(dir, 'hard.xlsx'));
  writeFileSync(join(dir, 'old-export.xlsx'), 'old');

  it('refuses the database, its WAL, a backup and links to the database', () => {
    for (const p of [db, `${db}-wal`, `${db}-shm`, join(dir, 'backups', 'workbench.v6.x.sqlite'), join(dir, 'backups', 'new.xlsx'), join(dir, 'link.xlsx'), join(dir, 'hard.xlsx')]) {
      expect(downloadRefusal(p, db), p).not.toBeNull();
    }
  });
  it('leaves other files, new or existing, to the user and the dialog', () => {
    expect(downloadRefusal(join(dir, 'new.xlsx'), db)).toBeNull();
    expect(downloadRefusal(join(dir, 'old-export.xlsx'), db)).toBeNull();
  });
});
