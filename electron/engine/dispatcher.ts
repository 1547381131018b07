// The one engine dispatcher: every host (Electron utility process, browser-mode web host, tests)
// feeds it messages. It rejects unknown channels, validates input against the contract, runs the
// handler and answers with a Reply — errors are values, a throwing handler never crashes a host.
import type { z } from 'zod';
import { contracts, isChannel, type Channel, type Output, type ParsedInput } from '../../core/ipc/contracts';
import { asClientMessage, type ClientMessage, type ServerMessage } from '../../core/ipc/wire';
import { CodedError, fail, ok, type Reply } from '../../core/result';
import { NoFactorWeightError } from '../../core/transfer/shares';

export type HandlerContext = {
  signal: AbortSignal;
  /** Report progress of a long operation; the client shows it after a second. */
  progress(done: number, total: number, stage?: string): void;
};

export type Handlers = { [C in Channel]: (input: ParsedInput<C>, ctx: HandlerContext) => Output<C> | Promise<Output<C>> };

export type Dispatcher = {
  dispatch(channel: string, rawInput: unknown, ctx: HandlerContext): Promise<Reply<unknown>>;
};

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(input)'}: ${i.message}`).join('; ');
}

export function createDispatcher(handlers: Handlers, onInternalError: (e: unknown) => void = () => {}): Dispatcher {
  return {
    async dispatch(channel, rawInput, ctx) {
      if (!isChannel(channel)) return fail('unknown_channel', `unknown channel "${channel}"`);
      const contract = contracts[channel];
      const parsed = contract.input.safeParse(rawInput ?? {});
      if (!parsed.success) return fail('bad_input', `${channel}: ${describeIssues(parsed.error)}`, parsed.error.issues);
      try {
        const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => unknown;
        const value = await handler(parsed.data, ctx);
        if (ctx.signal.aborted) return fail('cancelled', `${channel} was cancelled`);
        return ok(value);
      } catch (e) {
        if (e instanceof CodedError) return fail(e.code, e.message, e.details);
        // A scenario with every factor weight 0 cannot split a pool: the user's input, said so.
        if (e instanceof NoFactorWeightError) return fail('bad_input', `方案无法计算 / the scenario cannot be computed: ${e.message}`);
        // A write that reached a read-only connection: say so plainly rather than "internal".
        if ((e as { code?: unknown })?.code === 'SQLITE_READONLY') return fail('db_read_only', `${channel}: 数据库为只读，未做任何更改 / the database is read-only; nothing was changed`);
        onInternalError(e);
        return fail('internal', `${channel} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
  };
}

export type Connection = {
  send(message: ServerMessage): void;
  onMessage(receiver: (raw: unknown) => void): void;
  onClose(fn: () => void): void;
};

/** Serve one client connection: calls run concurrently, each with its own abort signal. */
export function serveConnection(dispatcher: Dispatcher, conn: Connection): void {
  const running = new Map<number, AbortController>();
  conn.onClose(() => {
    for (const c of running.values()) c.abort();
    running.clear();
  });
  conn.onMessage((raw) => {
    const msg: ClientMessage | string = asClientMessage(raw);
    if (typeof msg === 'string') {
      const id = typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : -1;
      conn.send({ t: 'reply', id, reply: fail('bad_input', msg) });
      return;
    }
    if (msg.t === 'cancel') {
      running.get(msg.id)?.abort();
      return;
    }
    const controller = new AbortController();
    running.set(msg.id, controller);
    const ctx: HandlerContext = {
      signal: controller.signal,
      progress: (done, total, stage) => conn.send(stage === undefined ? { t: 'progress', id: msg.id, done, total } : { t: 'progress', id: msg.id, done, total, stage }),
    };
    void dispatcher.dispatch(msg.channel, msg.input, ctx).then((reply) => {
      running.delete(msg.id);
      conn.send({ t: 'reply', id: msg.id, reply });
    });
  });
}
