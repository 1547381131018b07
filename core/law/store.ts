// Reading the law store: the value of a parameter on a date, as a typed record with its unit and
// reference. All instruments are merged per key once, sorted by date; a date falls in at most one
// value's [from, to) (the store's tests check that no two values of a key overlap).
import { INSTRUMENTS } from './instruments';
import { LAW_KEYS, LAW_SPECS, type LawKey } from './keys';
import type { Confidence, IsoDate, LawReference, LawUnit, UrlKind } from './types';

export type LawRecord<K extends LawKey = LawKey> = {
  key: K;
  value: number;
  unit: LawUnit;
  label: { zh: string; en: string };
  /** First day in force. */
  from: IsoDate;
  /** First day no longer in force; null while still in force. */
  to: IsoDate | null;
  reference: LawReference;
  confidence: Confidence;
  note: string | null;
  /** The instrument's id (its file name under core/law/instruments). */
  instrument: string;
};

// Kept beside the records rather than in them, so the records (and every output that prints one)
// stay as they are; docs/law.md and the store's tests read it.
const URL_KINDS = new WeakMap<LawRecord, UrlKind>();

function build(): ReadonlyMap<LawKey, readonly LawRecord[]> {
  const byKey = new Map<LawKey, LawRecord[]>(LAW_KEYS.map((k) => [k, []]));
  for (const ins of INSTRUMENTS) {
    for (const v of ins.values) {
      const spec = LAW_SPECS[v.key];
      const record: LawRecord = {
        key: v.key,
        value: v.value,
        unit: spec.unit,
        label: spec.label,
        from: v.from,
        to: v.to,
        reference: { document: ins.number ? `${ins.number}《${ins.title}》` : ins.title, article: v.article, url: v.url ?? ins.url },
        confidence: v.confidence,
        note: v.note ?? null,
        instrument: ins.id,
      };
      URL_KINDS.set(record, v.url ? (v.urlKind ?? 'repost') : ins.urlKind);
      byKey.get(v.key)!.push(record);
    }
  }
  for (const list of byKey.values()) list.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return byKey;
}

const HISTORY = build();

/** Every value the key has had, oldest first. */
export function lawHistory<K extends LawKey>(key: K): readonly LawRecord<K>[] {
  return HISTORY.get(key)! as readonly LawRecord<K>[];
}

/** How far the record's reference url can be trusted to show the legal text (see UrlKind). */
export function referenceUrlKind(r: LawRecord): UrlKind {
  const kind = URL_KINDS.get(r);
  if (!kind) throw new RangeError(`${r.key}: not a record of the store`);
  return kind;
}

/** The value in force on `date`, or undefined when none is (before the first, or in a gap). */
export function lawAt<K extends LawKey>(key: K, date: IsoDate): LawRecord<K> | undefined {
  return lawHistory(key).find((r) => r.from <= date && (r.to === null || date < r.to));
}

/** The value in force on `date`; throws when there is none (use lawAt where a gap is expected). */
export function lawValue(key: LawKey, date: IsoDate): number {
  const r = lawAt(key, date);
  if (!r) throw new RangeError(`${key}: no value in force on ${date}`);
  return r.value;
}

/** The value in force now, i.e. the latest value (what a check applies when it looks back). */
export function lawLatest<K extends LawKey>(key: K): LawRecord<K> {
  const list = lawHistory(key);
  const last = list[list.length - 1];
  if (!last) throw new RangeError(`${key}: no value`);
  return last;
}

/** The first day of a year, the date a year-based check resolves a value on. */
export function yearStart(year: number): IsoDate {
  return `${String(year).padStart(4, '0')}-01-01` as IsoDate;
}

/**
 * A decimal value as an exact fraction of integers (0.04 → 4/100), so a threshold can be compared
 * by cross-multiplication with no float in between.
 */
export function asFraction(value: number): { num: number; den: number } {
  const text = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new RangeError(`not a plain decimal: ${text}`);
  const places = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  const den = 10 ** places;
  return { num: Math.round(value * den), den };
}
