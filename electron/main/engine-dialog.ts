// What the user sees when the engine keeps crashing: the reason (the engine's last stderr lines,
// e.g. "database was written by a newer version") and a choice, instead of an empty window.
import { dialog } from 'electron';
import type { EngineFailure } from './engine-supervisor';

export type EngineFailureChoice = 'retry' | 'quit';

export function engineFailureMessage(failure: EngineFailure): { message: string; detail: string } {
  const reason = failure.stderrTail.length ? failure.stderrTail.join('\n') : '（引擎没有输出错误信息 / the engine printed no error）';
  return {
    message: '数据引擎多次意外退出，已停止自动重启。\nThe data engine exited repeatedly and was not restarted again.',
    detail: `退出码 / exit code ${failure.exitCode}，连续 ${failure.crashes} 次 / ${failure.crashes} times in a row\n\n${reason}`,
  };
}

export async function askAfterEngineFailure(failure: EngineFailure): Promise<EngineFailureChoice> {
  const { message, detail } = engineFailureMessage(failure);
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: '教育财政工作台',
    message,
    detail,
    buttons: ['重试 / Retry', '退出 / Quit'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  return response === 0 ? 'retry' : 'quit';
}
