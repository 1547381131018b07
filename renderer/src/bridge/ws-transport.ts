// Browser mode: the engine lives in the web host, reached over a WebSocket on the same origin.
// The per-run token travels as the SameSite cookie the host set when the page was opened.
import type { Transport } from '../../../core/ipc/client';
import { decodeFrame, encodeFrame, type ClientMessage, type ServerMessage } from '../../../core/ipc/wire';

export function connectWebSocket(onClosed: (why: string) => void): Promise<Transport> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://${location.host}/engine`);
    ws.binaryType = 'arraybuffer';
    let receiver: (m: ServerMessage) => void = () => {};
    const queue: ClientMessage[] = [];
    ws.addEventListener('message', (e: MessageEvent<ArrayBuffer>) => receiver(decodeFrame(new Uint8Array(e.data)) as ServerMessage));
    ws.addEventListener('open', () => {
      for (const m of queue.splice(0)) ws.send(encodeFrame(m));
      resolve({
        send: (m) => (ws.readyState === WebSocket.OPEN ? ws.send(encodeFrame(m)) : queue.push(m)),
        listen: (r) => (receiver = r),
      });
    });
    ws.addEventListener('error', () => reject(new Error('engine connection failed')));
    ws.addEventListener('close', (e) => onClosed(e.reason || `engine connection closed (${e.code})`));
  });
}
