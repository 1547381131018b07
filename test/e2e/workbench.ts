// Playwright fixture: a real browser-mode workbench (dist/node/web-main.js) on a fresh temporary
// database seeded with the demo province, exactly as `npm start` runs it on a new machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';

export type Workbench = { url: string; origin: string; token: string; dbFile: string; logs: string[] };

/** Start a host; `prepare` may first put a database file in place (damaged, read-only, …). */
export async function startWorkbench(prepare?: (dbFile: string) => void | Promise<void>): Promise<{ wb: Workbench; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'wb-e2e-'));
  const dbFile = join(dir, 'e2e.sqlite');
  await prepare?.(dbFile);
  const child: ChildProcess = spawn(process.execPath, ['dist/node/web-main.js', '--db', dbFile, '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${logs.join('')}`)), 60_000);
    child.stderr!.on('data', (d: Buffer) => logs.push(d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      logs.push(d.toString());
      const m = /open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(logs.join(''));
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}:\n${logs.join('')}`)));
  });
  const parsed = new URL(url);
  return {
    wb: { url, origin: parsed.origin, token: parsed.searchParams.get('token')!, dbFile, logs },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ workbench: Workbench }>({
  workbench: async ({}, use) => {
    const { wb, stop } = await startWorkbench();
    await use(wb);
    await stop();
  },
});
export { expect };
