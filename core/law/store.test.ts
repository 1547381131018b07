// The store's own invariants: every parameter has a value and every value a full reference; a
// key's values never overlap in time; money is whole 分; the instrument files are well formed.
import { describe, expect, it } from 'vitest';
import { asFraction, INSTRUMENTS, LAW_KEYS, LAW_SPECS, lawAt, lawHistory, lawLatest, referenceUrlKind, yearStart } from './index';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const URL_OR_DOC = /^(https?:\/\/\S+|docs\/[\w-]+\.md#[\w-]+)$/;

describe('law store', () => {
  it('every parameter has at least one value', () => {
    for (const k of LAW_KEYS) expect(lawHistory(k).length, k).toBeGreaterThan(0);
  });

  it('every value has a reference: document, article and a url', () => {
    for (const k of LAW_KEYS) {
      for (const r of lawHistory(k)) {
        expect(r.reference.document.trim(), `${k} ${r.from}`).not.toBe('');
        expect(r.reference.article.trim(), `${k} ${r.from}`).not.toBe('');
        expect(r.reference.url, `${k} ${r.from}`).toMatch(URL_OR_DOC);
      }
    }
  });

  it('every reference says how far its url can be trusted, and the kind fits the host', () => {
    const govHost = (url: string) => /^https?:\/\/([\w-]+\.)*gov\.cn(\/|$)/.test(url);
    for (const ins of INSTRUMENTS) for (const v of ins.values) if (v.url) expect(v.urlKind, `${ins.id} ${v.key}: a value's own url needs its urlKind`).toBeDefined();
    for (const k of LAW_KEYS) {
      for (const r of lawHistory(k)) {
        const kind = referenceUrlKind(r);
        const at = `${k} ${r.from} ${r.reference.url}`;
        if (kind === 'official' || kind === 'government_copy') expect(govHost(r.reference.url), at).toBe(true);
        if (kind === 'repost') expect(govHost(r.reference.url), at).toBe(false);
        if (kind === 'project') expect(r.reference.url, at).toMatch(/^docs\//);
      }
    }
  });

  it('every article a value cites is one the instrument lists', () => {
    for (const ins of INSTRUMENTS) for (const v of ins.values) expect(Object.keys(ins.articles), `${ins.id} ${v.key}`).toContain(v.article);
  });

  it('instrument ids are unique and every instrument has a title, issuer, date and url', () => {
    expect(new Set(INSTRUMENTS.map((i) => i.id)).size).toBe(INSTRUMENTS.length);
    for (const i of INSTRUMENTS) {
      expect(i.title.trim()).not.toBe('');
      expect(i.issuer.trim()).not.toBe('');
      expect(i.date).toMatch(ISO);
      expect(i.url).toMatch(URL_OR_DOC);
    }
  });

  it("a key's values are dated, in order and never overlap", () => {
    for (const k of LAW_KEYS) {
      const list = lawHistory(k);
      for (const [i, r] of list.entries()) {
        expect(r.from, k).toMatch(ISO);
        if (r.to !== null) expect(r.to > r.from, `${k} ${r.from}`).toBe(true);
        const next = list[i + 1];
        if (next) expect(r.to !== null && r.to <= next.from, `${k}: ${r.from} overlaps ${next.from}`).toBe(true);
      }
    }
  });

  it('money and head counts are whole numbers; fractions lie in [0, 1]', () => {
    for (const k of LAW_KEYS) {
      for (const r of lawHistory(k)) {
        const unit = LAW_SPECS[k].unit;
        if (unit === 'fen_per_pupil_year' || unit === 'pupils') expect(Number.isSafeInteger(r.value), `${k} ${r.value}`).toBe(true);
        if (unit === 'fraction') expect(r.value >= 0 && r.value <= 1, `${k} ${r.value}`).toBe(true);
      }
    }
  });

  it('resolves by date: [from, to) and the latest value', () => {
    expect(lawAt('standard.public_funds_base.primary.national', '2022-12-31')?.value).toBe(65000);
    expect(lawAt('standard.public_funds_base.primary.national', '2023-01-01')?.value).toBe(72000);
    expect(lawAt('standard.public_funds_base.primary.national', yearStart(2015))).toBeUndefined();
    const r = lawLatest('fiscal_edu_gdp.min_ratio');
    expect(r.value).toBe(0.04);
    expect(r.reference.document).toContain('国办发〔2018〕82号');
    expect(r.unit).toBe('fraction');
  });
});

describe('asFraction', () => {
  it('turns a decimal threshold into an exact fraction', () => {
    expect(asFraction(0.04)).toEqual({ num: 4, den: 100 });
    expect(asFraction(0.45)).toEqual({ num: 45, den: 100 });
    expect(asFraction(6)).toEqual({ num: 6, den: 1 });
  });
});
