// `wb` in-process for the real-data tests: the same code as the binary, output captured.
import { run } from '../../cli/wb';

export type CliResult = { rc: number; out: string; err: string; lines: string[]; ms: number };

export async function wb(args: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const t0 = performance.now();
  const rc = await run(args, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
  });
  return { rc, out, err, lines: out.trimEnd().split('\n'), ms: performance.now() - t0 };
}

/** The last line of stdout: the dataset id after an import. */
export function lastLine(r: CliResult): string {
  return r.lines[r.lines.length - 1] ?? '';
}
