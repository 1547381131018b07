// Brief channels (issue #6): compose the model for the preview, and write it as PDF, Word or
// Excel. The file name says region, year and format; the bytes go to the renderer, which saves them.
// Inside the desktop app a PDF is printed by Electron (main's printToPDF, see docs/architecture.md#pdf);
// the engine prints one with headless Chromium only in browser mode, so it refuses PDF there.
import { CodedError } from '../../../core/result';
import { composeBrief, writeBrief } from '../../../db/brief/render';
import type { Handlers } from '../dispatcher';
import type { EngineState } from '../state';

export function briefHandlers(state: EngineState): Pick<Handlers, 'brief.compose' | 'brief.export'> {
  return {
    'brief.compose': (input) => composeBrief(state.db, { ...input, appVersion: state.appVersion }),
    'brief.export': async (input, ctx) => {
      if (input.format === 'pdf' && state.host === 'electron') throw new CodedError('bad_input', '桌面应用中的 PDF 由应用窗口打印（printToPDF），不经引擎 / in the desktop app a PDF is printed by the app window (printToPDF), not by the engine');
      ctx.progress(0, 2, 'compose');
      const brief = composeBrief(state.db, { ...input, appVersion: state.appVersion });
      ctx.progress(1, 2, input.format);
      const bytes = await writeBrief(brief, input.format);
      ctx.progress(2, 2, 'done');
      const stem = brief.title.replace(/[\\/:*?"<>|\s]+/g, '_');
      return { fileName: `${stem}.${input.format}`, bytes };
    },
  };
}
