// The default database location on this machine (see core/app-paths.ts).
import { homedir } from 'node:os';
import { defaultDatabaseFile } from '../core/app-paths';

export function defaultDatabasePath(): string {
  return defaultDatabaseFile({ platform: process.platform, home: homedir(), env: process.env });
}
