// The golden-test runner: every core/law/golden/*.json file is a list of cases, each a parameter (or
// a formula with its inputs), a date and the expected value on that date — the law checked as data.
// `expected: null` says no value is in force on that date.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requiredPublicFunds, type SchoolInput } from '../compliance/rules/public-funds';
import { isLawKey, lawAt, type IsoDate, type LawKey } from './index';

type Case = { name: string; date: IsoDate; expected: number | null } & ({ key: string } | { formula: string; inputs: Record<string, unknown> });

const DIR = join(import.meta.dirname, 'golden');

function key(s: string): LawKey {
  if (!isLawKey(s)) throw new Error(`golden case names an unknown key: ${s}`);
  return s;
}

function need(k: string, date: IsoDate): number {
  const r = lawAt(key(k), date);
  if (!r) throw new Error(`${k}: no value on ${date}`);
  return r.value;
}

/** Formulas a case may name; each reads the store on the case's date. */
const FORMULAS: Record<string, (inputs: Record<string, unknown>, date: IsoDate) => number> = {
  public_funds_required: (inputs, date) => {
    const { level, regionClass, schools } = inputs as { level: string; regionClass: string; schools: SchoolInput[] };
    return requiredPublicFunds(
      schools,
      need(`standard.public_funds_base.${level}.${regionClass}`, date),
      need(`standard.boarding_topup.${level}.national`, date),
      need('standard.special_ed_public_funds.special.national', date),
      need(`standard.small_school_min_pupils.${level}.national`, date),
    );
  },
};

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()) {
  const { cases } = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { cases: Case[] };
  describe(`golden ${file}`, () => {
    for (const c of cases) {
      it(c.name, () => {
        if ('key' in c) {
          expect(lawAt(key(c.key), c.date)?.value ?? null).toBe(c.expected);
        } else {
          const f = FORMULAS[c.formula];
          if (!f) throw new Error(`unknown formula ${c.formula}`);
          expect(f(c.inputs, c.date)).toBe(c.expected);
        }
      });
    }
  });
}
