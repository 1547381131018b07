// wb demo --out FILE [--scale province|national] [--seed N]
import { existsSync } from 'node:fs';
import { generateDemo } from '../../core/demo/generate';
import { writeDemo } from '../../db/demo/write-demo';
import { openDatabase } from '../../db/open';
import { oneOf, optionalInt, parse, requireString } from '../args';
import { EXIT, UsageError, type CliIO } from '../io';

export const demoHelp = `wb demo --out FILE [--scale province|national] [--seed N]
  Create a new database holding synthetic demo data (示范省, or 31 provinces at national scale).`;

export function demoCommand(argv: string[], io: CliIO): number {
  const { values } = parse(argv, { out: { type: 'string' }, scale: { type: 'string' }, seed: { type: 'string' } });
  const out = requireString(values, 'out', 'the new database file to write');
  const scale = oneOf(values, 'scale', ['province', 'national'] as const, 'province');
  const seed = optionalInt(values, 'seed', 0, 2 ** 31 - 1);
  if (existsSync(out)) throw new UsageError(`${out} already exists; choose a new file name (the demo never overwrites a database)`);
  const data = generateDemo(seed === undefined ? { scale } : { scale, seed });
  const opened = openDatabase(out);
  try {
    const written = writeDemo(opened.db, data);
    io.out(`${out}: ${scale} demo, seed ${data.seed}, ${data.firstYear}–${data.lastYear}, ${data.regions.length} regions, ${written.rows} fact rows, ${data.planted.length} planted never-decrease failures\n`);
  } finally {
    opened.db.close();
  }
  return EXIT.ok;
}
