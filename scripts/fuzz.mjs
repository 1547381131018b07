// Property-based fuzzing of every parser and the IPC contract (test/fuzz/main.ts, run with tsx).
// Arguments pass through: npm run fuzz -- --seed 123 --target import.read-csv --scale 0.1
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const child = spawn(process.execPath, ['--import', 'tsx', 'test/fuzz/main.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
