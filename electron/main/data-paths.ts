// Electron's userData is pointed at the same folder core/app-paths computes for the CLI and the
// browser-mode host, so all three open the same workbench.sqlite. Chromium's own caches go to a
// subfolder so they do not clutter the folder a user may open to find or back up the database.
import { join } from 'node:path';
import { appDataDir, defaultDatabaseFile, type HostFacts } from '../../core/app-paths';

export type ElectronDataPaths = {
  userData: string;
  /** Chromium's caches, local storage, GPU cache … (Electron's 'sessionData' path). */
  sessionData: string;
  databaseFile: string;
};

export const SESSION_DATA_DIR_NAME = 'chromium';

export function electronDataPaths(facts: HostFacts): ElectronDataPaths {
  const userData = appDataDir(facts);
  return {
    userData,
    sessionData: join(userData, SESSION_DATA_DIR_NAME),
    databaseFile: defaultDatabaseFile(facts),
  };
}
