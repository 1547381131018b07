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
  if (!window.bridge) return new EngineClient(await connectWebSocket(onClosed));
  let client: EngineClient | null = null;
  const transport = await connectMessagePort(window.bridge, () => client?.failAll('计算引擎已重新启动，请重试 / the engine restarted; please retry'));
  client = new EngineClient(transport);
  return client;
}
