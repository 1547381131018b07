// Issue #16.15 and its "also" items through the engine (the app's path): a scenario whose factor
// weights are all 0 is the user's input — goal seeking answers bad_input with the reason, not an
// internal error — and a switch set to 0.5 is refused before anything runs.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FACTOR_NAMES } from '../../../core/transfer/parameters';
import { tempDir } from '../../../test/support/temp';
import type { HandlerContext } from '../dispatcher';
import { createEngine } from '../engine';

const dir = tempDir('wb-engine-zero-');
const ctx = (): HandlerContext => ({ signal: new AbortController().signal, progress: () => {} });
const ZERO = FACTOR_NAMES.map((f) => ({ key: `factor.${f}`, value: 0 }));

describe('transfer channels refuse what cannot be computed', () => {
  const engine = createEngine({ file: join(dir, 'engine.sqlite'), host: 'web', appVersion: '0.0.0' });
  afterAll(() => engine.close());
  const failure = async (channel: string, input: unknown) => {
    const reply = await engine.dispatcher.dispatch(channel, input, ctx());
    if (reply.ok) throw new Error(`${channel} should have failed`);
    return reply.error;
  };

  it.each(['min-pool', 'max-difficulty-weight'])('goal seeking (%s) with every factor weight 0: bad_input with the reason', async (goal) => {
    const e = await failure('transfer.goalSeek', { regionCode: '390000', goal, overlay: ZERO });
    expect(e.code).toBe('bad_input');
    expect(e.message).toMatch(/every factor weight is zero/);
  });

  it('standard.enabled = 0.5 is refused when a scenario is saved', async () => {
    const e = await failure('transfer.edit', { action: 'create', regionCode: '390000', name: '半开', overlay: [{ key: 'standard.enabled', value: 0.5 }] });
    expect(e.code).toBe('bad_input');
    expect(e.message).toMatch(/a switch is 0 \(off\) or 1 \(on\)/);
  });
});
