// Electron: the preload asks main for a MessagePort straight to the engine's utility process and
// hands it to the page with window.postMessage; main relays nothing after that. If the engine
// restarts, main sends a fresh port: the transport switches to it, and calls that were waiting on
// the old engine are failed by the client (they cannot be answered any more).
import type { Transport } from '../../../core/ipc/client';
import { ENGINE_PORT_MESSAGE, type Bridge } from '../../../core/ipc/bridge';
import type { ServerMessage } from '../../../core/ipc/wire';

export function connectMessagePort(bridge: Bridge, onReplaced: () => void): Promise<Transport> {
  return new Promise((resolve) => {
    let port: MessagePort | null = null;
    let receiver: (m: ServerMessage) => void = () => {};
    const transport: Transport = {
      send: (m) => port?.postMessage(m),
      listen: (r) => (receiver = r),
    };
    window.addEventListener('message', (e: MessageEvent) => {
      if (e.source !== window || (e.data as { type?: unknown })?.type !== ENGINE_PORT_MESSAGE || !e.ports[0]) return;
      const first = port === null;
      port?.close();
      port = e.ports[0];
      port.onmessage = (ev: MessageEvent) => receiver(ev.data as ServerMessage);
      port.start();
      if (first) resolve(transport);
      else onReplaced();
    });
    bridge.requestEnginePort();
  });
}
