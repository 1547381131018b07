// Runs the engine (dist/electron/engine.js) in an Electron utility process and brokers one
// MessagePort per renderer straight to it, so data never relays through main (the Beekeeper
// Studio pattern) and better-sqlite3's synchronous calls block only the engine. Main never opens
// the database: it only passes the file name on the engine's command line.
//
// Protocol with the engine (electron/engine/hosts/utility-main.ts): the child posts {t:'ready'}
// once the database is open; main posts {t:'connect'} with one transferred port per connection.
// If the engine dies unexpectedly it is restarted with bounded backoff and every renderer that
// had a port is sent a fresh one; after too many crashes the user is asked (onGiveUp).
import { MessageChannelMain, utilityProcess, type UtilityProcess, type WebContents } from 'electron';
import { IPC } from '../../core/ipc/bridge';
import { onTrusted } from './ipc-guard';
import { DEFAULT_RESTART_POLICY, nextCrashCount, restartDelay, type RestartPolicy } from './restart-policy';

export const ENGINE_SERVICE_NAME = 'workbench-engine';
const STDERR_TAIL_LINES = 20;

export type EngineFailure = { exitCode: number; crashes: number; stderrTail: readonly string[] };

/** The engine process's lifecycle as the supervisor sees it (not the engine's own handler state, electron/engine/state.ts). */
export type EngineLifecycle = 'idle' | 'starting' | 'ready' | 'restarting' | 'failed' | 'stopped';

export type EngineSupervisorOptions = {
  engineFile: string;
  databaseFile: string;
  appVersion: string;
  log: (line: string) => void;
  /** Called once the crash budget is spent; the engine stays down until retry(). */
  onGiveUp: (failure: EngineFailure) => void;
  policy?: RestartPolicy;
  now?: () => number;
};

export type EngineSupervisor = {
  /** Fork the engine and start answering port requests from trusted renderers. */
  start(): void;
  /** Give this renderer a port now if the engine is ready, else as soon as it is. */
  connect(contents: WebContents): void;
  /** After a give-up: reset the crash count and start again. */
  retry(): void;
  /** On quit: stop answering, cancel restarts, end the engine. Its exit is then expected. */
  stop(): void;
  state(): EngineLifecycle;
};

/** The engine's command line, as utility-main.ts parses it. */
export function engineArgs(databaseFile: string, appVersion: string): string[] {
  return ['--db', databaseFile, '--app-version', appVersion];
}

function isReadyMessage(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { t?: unknown }).t === 'ready';
}

/** Split a child's output into lines; with stdio 'pipe' the pipes must be drained or the engine blocks. */
function eachLine(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let rest = '';
  stream.on('data', (chunk: Buffer | string) => {
    const lines = (rest + String(chunk)).split(/\r?\n/);
    rest = lines.pop() ?? '';
    for (const line of lines) if (line) onLine(line);
  });
  stream.on('end', () => {
    if (rest) onLine(rest);
    rest = '';
  });
}

export function createEngineSupervisor(options: EngineSupervisorOptions): EngineSupervisor {
  const policy = options.policy ?? DEFAULT_RESTART_POLICY;
  const now = options.now ?? Date.now;
  const log = options.log;
  /** Renderers that asked for a port; each gets a fresh one after a restart. */
  const clients = new Map<number, WebContents>();
  /** Renderers owed a port as soon as the engine says it is ready. */
  const owed = new Set<number>();
  let child: UtilityProcess | null = null;
  let state: EngineLifecycle = 'idle';
  let crashes = 0;
  let startedAt = 0;
  let restartTimer: ReturnType<typeof setTimeout> | null = null;
  let stopListening: (() => void) | null = null;
  let stderrTail: string[] = [];

  function broker(engine: UtilityProcess, contents: WebContents): void {
    if (contents.isDestroyed()) return;
    const { port1, port2 } = new MessageChannelMain();
    engine.postMessage({ t: 'connect' }, [port1]);
    contents.postMessage(IPC.enginePort, null, [port2]);
  }

  function onReady(engine: UtilityProcess): void {
    state = 'ready';
    log(`engine ready (pid ${engine.pid ?? '?'}, database ${options.databaseFile})`);
    for (const id of owed) {
      const contents = clients.get(id);
      if (contents) broker(engine, contents);
    }
    owed.clear();
  }

  function onExit(code: number): void {
    child = null;
    if (state === 'stopped') return;
    crashes = nextCrashCount(crashes, now() - startedAt, policy);
    // Every port to the dead engine is closed; each renderer is owed a new one.
    for (const id of clients.keys()) owed.add(id);
    const delay = restartDelay(crashes, policy);
    if (delay === null) {
      state = 'failed';
      log(`engine exited with code ${code}; crash ${crashes} of ${policy.maxCrashes}, giving up`);
      options.onGiveUp({ exitCode: code, crashes, stderrTail: [...stderrTail] });
      return;
    }
    state = 'restarting';
    log(`engine exited with code ${code}; crash ${crashes} of ${policy.maxCrashes}, restarting in ${delay} ms`);
    restartTimer = setTimeout(spawn, delay);
  }

  function spawn(): void {
    restartTimer = null;
    state = 'starting';
    startedAt = now();
    const engine = utilityProcess.fork(options.engineFile, engineArgs(options.databaseFile, options.appVersion), {
      serviceName: ENGINE_SERVICE_NAME,
      stdio: 'pipe',
    });
    child = engine;
    eachLine(engine.stdout, (line) => log(`[engine] ${line}`));
    eachLine(engine.stderr, (line) => {
      log(`[engine] ${line}`);
      stderrTail.push(line);
      if (stderrTail.length > STDERR_TAIL_LINES) stderrTail.shift();
    });
    // Events of an engine we have already replaced are ignored.
    engine.on('message', (message: unknown) => {
      if (engine === child && isReadyMessage(message)) onReady(engine);
    });
    engine.on('exit', (code) => {
      if (engine === child) onExit(code);
    });
  }

  function connect(contents: WebContents): void {
    if (state === 'stopped') return;
    const id = contents.id;
    if (!clients.has(id)) {
      clients.set(id, contents);
      contents.once('destroyed', () => {
        clients.delete(id);
        owed.delete(id);
      });
    }
    if (state === 'ready' && child) broker(child, contents);
    else owed.add(id);
  }

  return {
    start() {
      if (state !== 'idle') return;
      stopListening = onTrusted(IPC.requestEnginePort, (event) => connect(event.sender), log);
      spawn();
    },
    connect,
    retry() {
      if (state !== 'failed') return;
      crashes = 0;
      stderrTail = [];
      spawn();
    },
    stop() {
      state = 'stopped';
      if (restartTimer) clearTimeout(restartTimer);
      restartTimer = null;
      stopListening?.();
      stopListening = null;
      child?.kill();
      child = null;
    },
    state: () => state,
  };
}
