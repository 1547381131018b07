// Messages between an engine client and the engine, and their byte framing for transports that
// carry bytes only (the browser mode's WebSocket). MessagePorts carry the objects as they are.
//
// Frame: u32 LE header length · header JSON (UTF-8) · per attachment: u32 LE length · bytes.
// Every Uint8Array in the message travels as an attachment and appears in the JSON as {"$bin": i},
// so Arrow IPC payloads are never turned into JSON arrays.
//
// Keys: an object key named "__proto__" is refused in both directions (FrameError). JSON.parse keeps
// such a key as an own property, but copying it into a plain object would silently replace the
// object's prototype and lose the value, so a message carrying one could never arrive as sent. No
// engine contract has such a key; a frame that has one is not ours. `WIRE_FORBIDDEN_KEY` names it
// for the tests that assert this contract.
import type { Reply } from '../result';

export type CallMessage = { t: 'call'; id: number; channel: string; input: unknown };
export type CancelMessage = { t: 'cancel'; id: number };
export type ClientMessage = CallMessage | CancelMessage;

export type ReplyMessage = { t: 'reply'; id: number; reply: Reply<unknown> };
export type ProgressMessage = { t: 'progress'; id: number; done: number; total: number; stage?: string };
export type ServerMessage = ReplyMessage | ProgressMessage;

export class FrameError extends Error {}

const MAX_DEPTH = 64;
export const WIRE_FORBIDDEN_KEY = '__proto__';

function forbidden(key: string): never {
  throw new FrameError(`an object key named "${key}" cannot cross the wire`);
}

function extract(value: unknown, out: Uint8Array[], depth: number): unknown {
  if (depth > MAX_DEPTH) throw new FrameError('message nested too deeply');
  if (value instanceof Uint8Array) {
    out.push(value);
    return { $bin: out.length - 1 };
  }
  if (Array.isArray(value)) return value.map((v) => extract(v, out, depth + 1));
  if (value !== null && typeof value === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === WIRE_FORBIDDEN_KEY) forbidden(k);
      o[k] = extract(v, out, depth + 1);
    }
    return o;
  }
  if (typeof value === 'bigint') throw new FrameError('bigint values cannot cross the wire; send Arrow bytes or strings');
  return value;
}

function restore(value: unknown, bins: Uint8Array[], depth: number): unknown {
  if (depth > MAX_DEPTH) throw new FrameError('message nested too deeply');
  if (Array.isArray(value)) return value.map((v) => restore(v, bins, depth + 1));
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    const ref = (value as { $bin?: unknown }).$bin;
    if (keys.length === 1 && typeof ref === 'number') {
      const b = bins[ref];
      if (!b) throw new FrameError(`attachment ${ref} missing`);
      return b;
    }
    const o: Record<string, unknown> = {};
    for (const k of keys) {
      if (k === WIRE_FORBIDDEN_KEY) forbidden(k);
      o[k] = restore((value as Record<string, unknown>)[k], bins, depth + 1);
    }
    return o;
  }
  return value;
}

export function encodeFrame(message: ClientMessage | ServerMessage): Uint8Array<ArrayBuffer> {
  const bins: Uint8Array[] = [];
  const header = new TextEncoder().encode(JSON.stringify(extract(message, bins, 0)));
  let size = 4 + header.length;
  for (const b of bins) size += 4 + b.length;
  const frame = new Uint8Array(size);
  const view = new DataView(frame.buffer);
  view.setUint32(0, header.length, true);
  frame.set(header, 4);
  let at = 4 + header.length;
  for (const b of bins) {
    view.setUint32(at, b.length, true);
    frame.set(b, at + 4);
    at += 4 + b.length;
  }
  return frame;
}

export function decodeFrame(frame: Uint8Array): unknown {
  if (frame.length < 4) throw new FrameError('frame shorter than its header length field');
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const headerLength = view.getUint32(0, true);
  if (4 + headerLength > frame.length) throw new FrameError('frame header length exceeds the frame');
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(frame.subarray(4, 4 + headerLength)));
  } catch {
    throw new FrameError('frame header is not UTF-8 JSON');
  }
  const bins: Uint8Array[] = [];
  let at = 4 + headerLength;
  while (at < frame.length) {
    if (at + 4 > frame.length) throw new FrameError('truncated attachment length');
    const len = view.getUint32(at, true);
    if (at + 4 + len > frame.length) throw new FrameError('truncated attachment');
    bins.push(frame.subarray(at + 4, at + 4 + len));
    at += 4 + len;
  }
  return restore(header, bins, 0);
}

/** Narrow an untrusted decoded value to a client message, or say what is wrong. */
export function asClientMessage(value: unknown): ClientMessage | string {
  if (value === null || typeof value !== 'object') return 'message is not an object';
  const m = value as Record<string, unknown>;
  if (typeof m.id !== 'number' || !Number.isSafeInteger(m.id)) return 'message id must be an integer';
  if (m.t === 'cancel') return { t: 'cancel', id: m.id };
  if (m.t === 'call') {
    if (typeof m.channel !== 'string') return 'call without a channel name';
    return { t: 'call', id: m.id, channel: m.channel, input: m.input };
  }
  return 'unknown message type';
}
