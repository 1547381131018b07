// wb — the workbench on the command line. Same core/ and db/ code as the app's engine.
//   wb [--db FILE] <command> [options]      (default database: the app's own)
import { pathToFileURL } from 'node:url';
import { aidCommand, aidHelp } from './commands/aid';
import { auditCommand, auditHelp } from './commands/audit';
import { backupCommand, backupHelp } from './commands/backup';
import { basisCommand, basisHelp } from './commands/basis';
import { briefCommand, briefHelp } from './commands/brief';
import { bulletinCommand, bulletinHelp } from './commands/bulletin';
import { checkCommand, checkHelp } from './commands/check';
import { demoCommand, demoHelp } from './commands/demo';
import { healthCommand, healthHelp } from './commands/health';
import { infoCommand, infoHelp } from './commands/info';
import { initCommand, initHelp } from './commands/init';
import { perStudentCommand, perStudentHelp } from './commands/per-student';
import { compareCommand, compareHelp } from './commands/compare';
import { exportCommand, exportHelp } from './commands/export';
import { importCommand, importHelp } from './commands/import';
import { templateCommand, templateHelp } from './commands/template';
import { balanceCommand, balanceHelp } from './commands/balance';
import { targetsCommand, targetsHelp } from './commands/targets';
import { optimiseCommand, optimiseHelp, simulateCommand, simulateHelp } from './commands/simulate';
import { CodedError } from '../core/result';
import { EXIT, UsageError, processIO, type CliIO } from './io';

const HELP = `wb — 教育财政工作台 命令行 / Education Finance Workbench CLI

Usage: wb [--db FILE] <command> [options]
  --db FILE   the database to use (default: the workbench's own database)

Commands:
${[initHelp, demoHelp, infoHelp, perStudentHelp, checkHelp, basisHelp, healthHelp, importHelp, bulletinHelp, exportHelp, templateHelp, compareHelp, simulateHelp, optimiseHelp, aidHelp, briefHelp, auditHelp, backupHelp, balanceHelp, targetsHelp].map((h) => '  ' + h.replace(/\n/g, '\n  ')).join('\n')}

Exit codes: 0 success · 1 failures found by a check · 2 bad input (nothing was changed) · 3 unexpected error
`;

type Command = (argv: string[], io: CliIO, db: string | undefined) => number | Promise<number>;
const COMMANDS: Record<string, Command> = {
  init: (argv, io) => initCommand(argv, io),
  demo: (argv, io) => demoCommand(argv, io),
  info: infoCommand,
  'per-student': perStudentCommand,
  check: checkCommand,
  basis: basisCommand,
  health: healthCommand,
  import: importCommand,
  bulletin: bulletinCommand,
  export: exportCommand,
  template: templateCommand,
  compare: compareCommand,
  simulate: simulateCommand,
  optimise: optimiseCommand,
  aid: aidCommand,
  brief: briefCommand,
  audit: auditCommand,
  backup: backupCommand,
  balance: balanceCommand,
  targets: targetsCommand,
};

/** Split the global --db option from the command and its own arguments. */
function splitGlobal(argv: string[]): { db: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let db: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--db') {
      db = argv[++i];
      if (db === undefined) throw new UsageError('--db needs a file name');
    } else if (a.startsWith('--db=')) db = a.slice(5);
    else rest.push(a);
  }
  return { db, rest };
}

export async function run(argv: string[], io: CliIO = processIO): Promise<number> {
  try {
    const { db, rest } = splitGlobal(argv);
    const [name, ...args] = rest;
    if (!name || name === 'help' || name === '--help' || name === '-h') {
      io.out(HELP);
      return name ? EXIT.ok : EXIT.badInput;
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')}`);
    // `wb import --help` is what people type first; the one help text covers every command.
    if (args.includes('--help') || args.includes('-h')) {
      io.out(HELP);
      return EXIT.ok;
    }
    return await command(args, io, db);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`wb: ${e.message}\n`);
      return EXIT.badInput;
    }
    // A coded refusal from db/ or core/ (a dataset that cannot be exported, a missing id …) is the
    // input's fault, said in words: exit 2, not an unexpected error with a stack trace.
    if (e instanceof CodedError && e.code !== 'internal' && e.code !== 'not_implemented') {
      io.err(`wb: ${e.message}\n`);
      return EXIT.badInput;
    }
    io.err(`wb: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.internal;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // `wb … | head` closes the pipe early: that is the reader's choice, not an error of ours.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  process.exitCode = await run(process.argv.slice(2));
}
