// Issue #16.4, the command line's side, against the real browser-mode host in its own process:
// `wb backup restore` refuses (exit 2, the file untouched) while the app has the database open;
// once the app is killed (SIGKILL leaves its lock file behind) the stale lease is taken over with
// a note and the restore goes ahead; a host stopped normally removes its lock.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test/support/temp';
import { run } from './wb';

const dir = tempDir('wb-backup-lock-');
const db = join(dir, 'W.sqlite');
const renderer = join(dir, 'renderer');
mkdirSync(renderer);
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');

async function wb(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

/** The browser-mode host on `db`, resolved once it prints its address. */
function startHost(): Promise<ChildProcess> {
  const root = resolve(__dirname, '..');
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron/engine/hosts/web-main.ts'), '--db', db, '--no-open', '--renderer', renderer], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((done, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('open: http')) done(child);
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`host exited ${code}: ${err}`)));
  });
}

const exited = (c: ChildProcess) => new Promise<void>((done) => (c.exitCode !== null || c.signalCode !== null ? done() : c.on('exit', () => done())));

describe('wb backup restore and the running app (#16.4)', () => {
  it('refuses while the app holds the database, takes over a stale lock, and a normal stop releases it', async () => {
    expect((await wb('init', '--out', db)).code).toBe(0);
    const made = await wb('--db', db, 'backup', 'create');
    expect(made.code).toBe(0);
    const name = made.out.trim().split(/[\\/]/).pop()!;

    const host = await startHost();
    const lock = JSON.parse(readFileSync(`${db}.lock`, 'utf8')) as { pid: number; kind: string };
    expect(lock).toMatchObject({ pid: host.pid, kind: 'app' });
    const before = statSync(db).ino;
    const refused = await wb('--db', db, 'backup', 'restore', name);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`pid ${host.pid}`);
    expect(refused.err).toMatch(/close the app first/);
    expect(statSync(db).ino).toBe(before);

    // Killed: the lock file stays, naming a process that no longer exists.
    host.kill('SIGKILL');
    await exited(host);
    expect(existsSync(`${db}.lock`)).toBe(true);
    const restored = await wb('--db', db, 'backup', 'restore', name);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.err).toMatch(new RegExp(`stale lock .*pid ${host.pid}.* taken over`));
    expect(statSync(db).ino).not.toBe(before);
    expect(existsSync(`${db}.lock`)).toBe(false);

    // Stopped normally: the lock goes with it.
    const second = await startHost();
    expect(existsSync(`${db}.lock`)).toBe(true);
    second.kill('SIGTERM');
    await exited(second);
    expect(existsSync(`${db}.lock`)).toBe(false);
  });
});
