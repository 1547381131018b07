// Pick the transport for the host we run in; the rest of the renderer only sees EngineClient.
import { EngineClient } from '../../../core/ipc/client';
import type { Bridge } from '../../../core/ipc/bridge';
import { connectMessagePort } from './port-transport';
import { connectWebSocket } from './ws-transport';

declare global {
  interface Window {
    bridge?: Bridge;
  }
}

export async function connectEngine(onClosed: (why: string) => void): Promise<EngineClient> {
  const transport = window.bridge ? await connectMessagePort(window.bridge) : await connectWebSocket(onClosed);
  return new EngineClient(transport);
}
