import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameError, asClientMessage, decodeFrame, encodeFrame } from './wire';

describe('wire frames', () => {
  it('round-trips messages with binary attachments without turning bytes into JSON', () => {
    const bytes = new Uint8Array([0, 1, 2, 255]);
    const frame = encodeFrame({ t: 'reply', id: 7, reply: { ok: true, value: { series: bytes, nested: [{ more: bytes }], n: 1.5 } } });
    expect(new TextDecoder().decode(frame)).not.toContain('255,');
    const back = decodeFrame(frame) as { reply: { value: { series: Uint8Array; nested: { more: Uint8Array }[]; n: number } } };
    expect([...back.reply.value.series]).toEqual([0, 1, 2, 255]);
    expect([...back.reply.value.nested[0]!.more]).toEqual([0, 1, 2, 255]);
    expect(back.reply.value.n).toBe(1.5);
  });
  it('round-trips arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const back = decodeFrame(encodeFrame({ t: 'call', id: 1, channel: 'x', input: v })) as { input: unknown };
        expect(back.input).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });
  it('throws a FrameError, never anything else, on garbage', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          decodeFrame(bytes);
        } catch (e) {
          expect(e).toBeInstanceOf(FrameError);
        }
      }),
      { numRuns: 3000 },
    );
  });
  it('narrows untrusted messages', () => {
    expect(asClientMessage({ t: 'call', id: 1, channel: 'app.info', input: {} })).toEqual({ t: 'call', id: 1, channel: 'app.info', input: {} });
    expect(asClientMessage({ t: 'cancel', id: 2 })).toEqual({ t: 'cancel', id: 2 });
    expect(typeof asClientMessage({ t: 'call', id: 'x' })).toBe('string');
    expect(typeof asClientMessage(null)).toBe('string');
    expect(typeof asClientMessage({ t: 'call', id: 1 })).toBe('string');
  });
});
