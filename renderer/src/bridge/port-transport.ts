// Electron: the preload asks main for a MessagePort straight to the engine's utility process and
// hands it to the page with window.postMessage; main relays nothing after that.
import type { Transport } from '../../../core/ipc/client';
import { ENGINE_PORT_MESSAGE, type Bridge } from '../../../core/ipc/bridge';
import type { ServerMessage } from '../../../core/ipc/wire';

export function connectMessagePort(bridge: Bridge): Promise<Transport> {
  return new Promise((resolve) => {
    const onMessage = (e: MessageEvent) => {
      if (e.source !== window || (e.data as { type?: unknown })?.type !== ENGINE_PORT_MESSAGE || !e.ports[0]) return;
      window.removeEventListener('message', onMessage);
      const port = e.ports[0];
      let receiver: (m: ServerMessage) => void = () => {};
      port.onmessage = (ev: MessageEvent) => receiver(ev.data as ServerMessage);
      port.start();
      resolve({ send: (m) => port.postMessage(m), listen: (r) => (receiver = r) });
    };
    window.addEventListener('message', onMessage);
    bridge.requestEnginePort();
  });
}
