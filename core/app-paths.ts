// Where the workbench keeps its database, per platform, computed from what the host tells us so
// that Electron main, the engine, the web host and the CLI all agree without sharing code paths.

export const APP_DIR_NAME = 'edu-finance-workbench';
export const DATABASE_FILE_NAME = 'workbench.sqlite';

export type HostFacts = { platform: string; home: string; env: Readonly<Record<string, string | undefined>> };

export function appDataDir({ platform, home, env }: HostFacts): string {
  if (env.WB_DATA_DIR) return env.WB_DATA_DIR;
  if (platform === 'win32') return `${env.APPDATA ?? `${home}\\AppData\\Roaming`}\\${APP_DIR_NAME}`;
  if (platform === 'darwin') return `${home}/Library/Application Support/${APP_DIR_NAME}`;
  return `${env.XDG_CONFIG_HOME ?? `${home}/.config`}/${APP_DIR_NAME}`;
}

export function defaultDatabaseFile(facts: HostFacts): string {
  const sep = facts.platform === 'win32' && !facts.env.WB_DATA_DIR ? '\\' : '/';
  return `${appDataDir(facts)}${sep}${DATABASE_FILE_NAME}`;
}
