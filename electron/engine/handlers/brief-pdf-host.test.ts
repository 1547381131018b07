// Who prints a brief's PDF depends on the host (docs/architecture.md#pdf): in the desktop app the
// window prints it (printToPDF), so the engine refuses, saying why; the other formats it writes.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp';
import type { HandlerContext } from '../dispatcher';
import { createEngine } from '../engine';

const dir = tempDir('wb-engine-brief-pdf-');
const ctx = (): HandlerContext => ({ signal: new AbortController().signal, progress: () => {} });

describe('brief.export in the desktop app', () => {
  const engine = createEngine({ file: join(dir, 'engine.sqlite'), host: 'electron', appVersion: '0.0.0' });
  afterAll(() => engine.close());
  const request = { regionCode: '390000', year: 2024, sections: ['spending'], lang: 'zh' };

  it('refuses PDF (the app window prints it) and names printToPDF', async () => {
    const reply = await engine.dispatcher.dispatch('brief.export', { ...request, format: 'pdf' }, ctx());
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('bad_input');
      expect(reply.error.message).toContain('printToPDF');
    }
  });

  it('still writes Word', async () => {
    const reply = await engine.dispatcher.dispatch('brief.export', { ...request, format: 'docx' }, ctx());
    expect(reply.ok).toBe(true);
  });
});
