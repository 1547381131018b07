// A brief's legal figures are the law store's: on the demo province (a real SQLite file), every
// 基准定额 the brief states — in the sentence and in Table 1 — is the store's value in force in the
// brief's year, cited with the store's document and article; the never-decrease rules are worded
// from the store's thresholds and cited likewise. The expected values are read from core/law here,
// not from the brief's own helpers, so a brief that wrote a number of its own would fail.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../core/demo/generate';
import { lawAt, lawLatest, yearStart } from '../../core/law';
import type { Brief } from '../../core/brief/model';
import { writeDemo } from '../demo/write-demo';
import { openDatabase } from '../open';
import { tempDir } from '../../test/support/temp';
import { composeBrief } from './render';

const file = join(tempDir('wb-brief-law-'), 'demo.sqlite');

beforeAll(() => {
  const opened = openDatabase(file);
  writeDemo(opened.db, generateDemo({ scale: 'province' }));
  opened.db.close();
});

function brief(year: number, lang: 'zh' | 'en'): Brief {
  const { db } = openDatabase(file);
  try {
    return composeBrief(db, { regionCode: '390000', year, appVersion: 'test', sections: ['per_student', 'compliance'], lang, now: new Date('2026-01-01T00:00:00Z') });
  } finally {
    db.close();
  }
}

const paragraphs = (b: Brief, section: string) => b.sections.find((s) => s.id === section)!.blocks.flatMap((x) => (x.type === 'paragraph' ? [x.text] : []));
const table = (b: Brief, section: string) => b.sections.find((s) => s.id === section)!.blocks.flatMap((x) => (x.type === 'table' ? [x.table] : []))[0]!;

describe('a brief states the law store’s figures', () => {
  // 2020: the national figures of 2016–2022 (650/850 元); 2024: those raised in 2023 (720/940 元).
  it.each([2020, 2024])('基准定额 in %i: sentence, Table 1 and citation equal the store', (year) => {
    const b = brief(year, 'zh');
    const text = paragraphs(b, 'per_student').join('');
    const t1 = table(b, 'per_student');
    const quotaColumn = t1.columns.findIndex((c) => c.header === '基准定额（元）');
    for (const [level, name] of [['primary', '小学'], ['junior', '初中']] as const) {
      const law = lawAt(`standard.public_funds_base.${level}.national`, yearStart(year))!;
      expect(law).toBeDefined();
      expect(text).toContain(`${name}`);
      expect(text).toContain(`（生均公用经费基准定额${law.value / 100}元）`);
      const row = t1.rows.find((r) => r[0] === name)!;
      expect(row[quotaColumn]).toBe(law.value / 100);
      expect(t1.note).toContain(`基准定额依据：${law.reference.document} ${law.reference.article}`);
    }
  });

  it('the never-decrease rules: wording from the thresholds, citation from the store (zh and en)', () => {
    const a = lawLatest('no_decrease.edu_spending.min_growth');
    const bRule = lawLatest('no_decrease.per_student.min_growth');
    expect([a.value, bRule.value]).toEqual([0, 0]);
    // 2022: the demo's planted county falls give Table 2 rows.
    const zh = brief(2022, 'zh');
    const en = brief(2022, 'en');
    const cite = `${a.reference.document} ${a.reference.article}`;
    expect(paragraphs(zh, 'compliance')[0]).toContain(`按“两个只增不减”要求（${cite}）检查`);
    expect(paragraphs(en, 'compliance')[0]).toContain(`Against the two never-decrease rules (${cite})`);
    expect(zh.sections.find((s) => s.id === 'compliance')!.heading).toBe('三、“两个只增不减”落实情况');
    // Table 2 names each failing rule by the store's threshold: 0 → “只增不减”.
    const t2 = table(zh, 'compliance');
    expect(t2.rows.length).toBeGreaterThan(0);
    for (const r of t2.rows) expect(['一般公共预算教育支出只增不减', '生均一般公共预算教育支出只增不减']).toContain(r[0]);
  });
});
