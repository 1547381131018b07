// The typed engine client the renderer (and tests) use. A Transport moves messages; this class
// matches replies to calls, forwards progress and cancellation.
import type { Reply } from '../result';
import type { Channel, Input, Output } from './contracts';
import type { ClientMessage, ServerMessage } from './wire';

export type Transport = {
  send(message: ClientMessage): void;
  /** Register the single receiver of server messages. */
  listen(receiver: (message: ServerMessage) => void): void;
};

export type Progress = { done: number; total: number; stage?: string };
export type CallOptions = { onProgress?: (p: Progress) => void; signal?: { aborted: boolean; addEventListener(type: 'abort', fn: () => void): void } };

type Pending = { resolve: (r: Reply<unknown>) => void; onProgress?: (p: Progress) => void };

export class EngineClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly transport: Transport) {
    transport.listen((m) => this.receive(m));
  }

  call<C extends Channel>(channel: C, input: Input<C>, options: CallOptions = {}): Promise<Reply<Output<C>>> {
    const id = this.nextId++;
    return new Promise<Reply<Output<C>>>((resolve) => {
      const entry: Pending = { resolve: resolve as (r: Reply<unknown>) => void };
      if (options.onProgress) entry.onProgress = options.onProgress;
      this.pending.set(id, entry);
      options.signal?.addEventListener('abort', () => {
        if (this.pending.has(id)) this.transport.send({ t: 'cancel', id });
      });
      this.transport.send({ t: 'call', id, channel, input });
    });
  }

  /** Fail every outstanding call, e.g. when the engine process has gone away. */
  failAll(message: string): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.resolve({ ok: false, error: { code: 'internal', message } });
    }
  }

  private receive(m: ServerMessage): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.t === 'progress') {
      p.onProgress?.(m.stage === undefined ? { done: m.done, total: m.total } : { done: m.done, total: m.total, stage: m.stage });
      return;
    }
    this.pending.delete(m.id);
    p.resolve(m.reply);
  }
}
