import fc from 'fast-check';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROPERTY_SEED, propertySeed } from './property-seed';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

describe('property-test seeds', () => {
  it('every property in this run uses the seed the run printed', () => {
    expect(fc.readConfigureGlobal().seed).toBe(propertySeed(process.env.FC_SEED));
    expect(Number.isSafeInteger(fc.readConfigureGlobal().seed)).toBe(true);
  });
  it('FC_SEED: unset is the fixed default, an integer is itself, "random" is fresh, anything else is refused', () => {
    expect(propertySeed(undefined)).toBe(DEFAULT_PROPERTY_SEED);
    expect(propertySeed('')).toBe(DEFAULT_PROPERTY_SEED);
    expect(propertySeed('-609509575')).toBe(-609509575);
    expect(Number.isSafeInteger(propertySeed('random'))).toBe(true);
    expect(() => propertySeed('1.5')).toThrow(/FC_SEED/);
    expect(() => propertySeed('abc')).toThrow(/FC_SEED/);
  });
  it('no property test opts out of the reproducible seed with a random one of its own', () => {
    const offenders: string[] = [];
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes('fast-check')) continue;
      if (/seed:\s*(Date\.now|Math\.random)/.test(text)) offenders.push(relative(root, file));
    }
    expect(offenders).toEqual([]);
  });
});
