// The engine, driven as the app drives it, in a process the crash test kills at random moments:
// it uploads and commits CSV imports of a few thousand facts and creates, saves, renames and
// deletes scenarios, forever, saying on stdout what it starts and finishes so the test knows
// where each kill landed. Usage: engine-child DB_FILE SEED
import { createEngine } from '../../electron/engine/engine';
import type { HandlerContext } from '../../electron/engine/dispatcher';

const [file, seedText] = process.argv.slice(2);
if (!file) throw new Error('engine-child DB_FILE SEED');
let seed = Number(seedText ?? 1) >>> 0 || 1;
const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);

const engine = createEngine({ file, host: 'web', appVersion: 'crash-test' });
const ctx: HandlerContext = { signal: new AbortController().signal, progress: () => {} };
const call = async (channel: string, input: unknown) => {
  const reply = await engine.dispatcher.dispatch(channel, input, ctx);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as Record<string, unknown>;
};
const say = (line: string) => process.stdout.write(`${line}\n`);

const counties = engine.state.db.prepare(`SELECT code, name FROM region WHERE level = 'county' ORDER BY code`).all() as { code: string; name: string }[];
const province = engine.state.db.prepare(`SELECT code FROM region WHERE level = 'province' ORDER BY code LIMIT 1`).pluck().get() as string;
const LEVELS = ['小学', '初中', '普通高中', '学前教育'];

/** A CSV of county × year × level spending with values nobody has imported before. */
function csv(n: number): string {
  const lines = ['地区代码,地区名称,年份,学段,教育支出(万元)'];
  for (let year = 2012; year < 2024; year++) {
    for (const c of counties) {
      for (const level of LEVELS) lines.push(`${c.code},${c.name},${year},${level},${(1000 + ((n * 7919 + year * 31 + Number(c.code)) % 90000) / 100).toFixed(2)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

async function importOnce(n: number): Promise<void> {
  const fileName = `crash-${process.pid}-${n}.csv`;
  const up = await call('import.upload', { fileName, bytes: new TextEncoder().encode(csv(n + Math.floor(random() * 1e6))) });
  say(`import-begin ${n}`);
  const outcome = await call('import.commit', { uploadId: up.uploadId, fileName, request: { kind: 'expenditure' } });
  if (outcome.status !== 'committed') throw new Error(`import ${n}: ${String(outcome.status)} ${JSON.stringify(outcome.problems).slice(0, 500)}`);
  say(`import-end ${n} dataset ${String(outcome.datasetId)} facts ${String(outcome.factCount)}`);
}

async function scenariosOnce(n: number): Promise<void> {
  say(`scenario-begin ${n}`);
  const made = (await call('transfer.edit', { action: 'create', regionCode: province, name: `方案 ${process.pid}-${n}` })).scenario as { id: number };
  await call('transfer.edit', { action: 'save', id: made.id, overlay: [{ key: 'difficulty.tilt', value: Math.round(random() * 100) / 100, from: null, to: null }] });
  await call('transfer.edit', { action: 'rename', id: made.id, name: `方案 ${process.pid}-${n} 改` });
  if (random() < 0.5) await call('transfer.edit', { action: 'delete', id: made.id });
  say(`scenario-end ${n}`);
}

say('ready');
for (let n = 0; ; n++) {
  if (random() < 0.45) await importOnce(n);
  else await scenariosOnce(n);
}
