// The wizard's form → the engine's ImportRequest. Empty choices mean "let the importer decide"
// and are left out, so a request says only what the user actually chose.
import type { ImportKind } from '../../../../core/import/kinds';
import type { Input } from '../../../../core/ipc/contracts';

export type RequestInput = Input<'import.preview'>['request'];

export const UNIT_CHOICES = ['', '元', '万元', '亿元', '人', '万人'] as const;
export const STAGE_CHOICES = ['', 'flash', 'bulletin', 'yearbook', 'final_accounts', 'budget', 'other'] as const;
export const ENCODING_CHOICES = ['auto', 'utf-8', 'gb18030'] as const;

export type ImportForm = {
  kind: ImportKind;
  /** '' = the first sheet that holds rows. */
  sheet: string;
  unit: (typeof UNIT_CHOICES)[number];
  basis: '' | 'moe_edu_funds' | 'mof_205';
  scope: '' | 'consolidated' | 'own_level';
  stage: (typeof STAGE_CHOICES)[number];
  encoding: (typeof ENCODING_CHOICES)[number];
  datasetName: string;
  password: string;
  /** Control totals, one per line: YEAR=VALUE or FIELD:YEAR=VALUE, VALUE in the import's unit. */
  controls: string;
};

export const EMPTY_FORM: ImportForm = { kind: 'expenditure', sheet: '', unit: '', basis: '', scope: '', stage: '', encoding: 'auto', datasetName: '', password: '', controls: '' };

const CONTROL = /^(?:[a-z_]+:)?\d{4}=[0-9][0-9.,]*$/;

/** Control-total lines: separated by new lines or semicolons; spaces around "=" tolerated. */
export function parseControls(text: string): { controls: string[]; invalid: string[] } {
  const items = text
    .split(/[\n;；]+/)
    .map((s) => s.replace(/\s*[=＝]\s*/, '=').replace(/\s*[:：]\s*/, ':').trim())
    .filter(Boolean);
  return { controls: items.filter((s) => CONTROL.test(s)), invalid: items.filter((s) => !CONTROL.test(s)) };
}

export function buildRequest(form: ImportForm, map: readonly string[]): RequestInput {
  const r: RequestInput = { kind: form.kind, map: [...map], where: [], encoding: form.encoding, controls: parseControls(form.controls).controls };
  if (form.sheet) r.sheet = form.sheet;
  if (form.unit) r.unit = form.unit;
  // 口径 applies to expenditure only; 范围 to the kinds that have one.
  if (form.basis && form.kind === 'expenditure') r.basis = form.basis;
  if (form.scope && ['expenditure', 'enrolment', 'bulletin', 'capacity'].includes(form.kind)) r.scope = form.scope;
  if (form.stage) r.stage = form.stage;
  if (form.datasetName.trim()) r.datasetName = form.datasetName.trim();
  if (form.password) r.password = form.password;
  return r;
}

/** Two requests ask for the same import (the order of keys does not matter). */
export function sameRequest(a: RequestInput, b: RequestInput): boolean {
  const norm = (r: RequestInput) => JSON.stringify(Object.entries(r).sort(([x], [y]) => x.localeCompare(y)));
  return norm(a) === norm(b);
}
