// The engine inside Electron's utilityProcess. Main forks this file and hands it one MessagePort
// per renderer; each port is a connection served by the same dispatcher as the web host.
// Electron's module is not imported: the utility process exposes `process.parentPort`, described
// by the minimal types below so this file stays free of Electron at compile time too.
import { createEngine } from '../engine';
import { serveConnection } from '../dispatcher';

type PortEvent = { data: unknown; ports: MessagePortLike[] };
type MessagePortLike = {
  on(event: 'message', fn: (e: { data: unknown }) => void): void;
  on(event: 'close', fn: () => void): void;
  postMessage(message: unknown): void;
  start(): void;
};
type ParentPort = { on(event: 'message', fn: (e: PortEvent) => void): void; postMessage(message: unknown): void };

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('utility-main must run inside an Electron utility process');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const file = arg('--db');
if (!file) throw new Error('utility-main: --db FILE is required');
const engine = createEngine({ file, host: 'electron', appVersion: arg('--app-version') ?? '0.0.0', log: (l) => console.error(`[engine] ${l}`) });
parentPort.postMessage({ t: 'ready', databaseFile: file });

parentPort.on('message', (e) => {
  const port = e.ports[0];
  if (!port || (e.data as { t?: string })?.t !== 'connect') return;
  serveConnection(engine.dispatcher, {
    send: (m) => port.postMessage(m),
    onMessage: (receive) => port.on('message', (ev) => receive(ev.data)),
    onClose: (fn) => port.on('close', fn),
  });
  port.start();
});
