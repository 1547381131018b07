// Every real bulletin of the fixtures, read as text: the figures found equal the transcription's
// columns, and exactly the publisher's defects its PROVENANCE.md lists are found — no more, no fewer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indicatorIn, levelIn, PER_STUDENT } from '../../core/bulletin/indicators';
import { readBulletin } from '../../core/bulletin/read';
import { EXPECTED } from './expected';
import { FIXTURES, FOLDERS, parseCsv, rebuild, rows } from './rebuild';

/** 增减用语 as transcribed carries the basis words too ("比上年度增长", "同口径比上年下降"): the direction word is what is left. */
const directionOf = (words: string): string => words.replace(/^(同口径)?(比|较)(上年度|上年|去年)(同口径)?/, '');

describe.each(FOLDERS)('%s', (folder) => {
  const text = rebuild(folder);
  const reading = readBulletin(text);
  const csv = rows(folder);
  const sentenceOf = (i: number) => reading.sentences[i]!.text;

  it('finds every stated figure, with the columns of the transcription', () => {
    expect(reading.figures.length).toBe(csv.length);
    reading.figures.forEach((f, i) => {
      const r = csv[i]!;
      const unitCell = /^(.+?)\(上年数印作“(.+)”\)$/.exec(r['单位']!);
      const label = `row ${r['序号']} ${r['项目']}`;
      expect({ label, year: f.year === null ? '(未注明)' : String(f.year), current: f.current ?? '', prior: f.prior ?? '', unit: f.unit ?? '' }).toEqual({ label, year: r['年度'], current: r['本年'], prior: r['上年'], unit: unitCell ? unitCell[1] : r['单位'] });
      if (unitCell) expect(f.priorUnit, label).toBe(unitCell[2]);
      else if (f.prior !== null && !/上年数印作/.test(r['附注']!)) expect(f.priorUnit, label).toBe(f.unit);
      expect({ label, direction: f.direction ?? '', rate: f.rate ?? '', rateUnit: f.rateUnit ?? '', change: f.change === null ? '' : `${f.changeWord}${f.change}${f.changeUnit}` }).toEqual({ label, direction: directionOf(r['增减用语']!), rate: r['增减幅度'], rateUnit: r['幅度单位'], change: r['增减额'] });
      expect(f.basis, label).toBe(/同口径/.test(r['增减用语']!) ? 'comparable' : 'previous_year');
      // The sentence the figure is read from is the row's sentence.
      expect(r['原文']!.includes(sentenceOf(f.sentence).replace(/。$/, '')), label).toBe(true);
      // Level: the one the row's subject names (其中,农村(普通小学) names it in its parenthesis).
      const level = levelIn(r['项目']!);
      if (level) expect(f.level, label).toBe(level);
      // Indicator: the subject's own name where it has one, else the section heading's (or lead-in's) per-student indicator.
      const own = indicatorIn(r['项目']!.replace(/^其中,农村\(.*\)$/, ''));
      const parts = r['节']!.split('/').reverse();
      const fromSection = [...parts, r['引导语']!].map((p) => indicatorIn(p)).find((x) => x?.specific && PER_STUDENT.has(x.indicator));
      const expected = own?.specific ? own.indicator : fromSection?.indicator;
      if (expected && f.indicator !== 'share_of_budget' && f.indicator !== 'growth_gap') expect(f.indicator, label).toBe(expected);
    });
  });

  it('finds exactly the defects its PROVENANCE.md lists', () => {
    const found = reading.findings.filter((x) => x.severity === 'defect').map((x) => ({ code: x.code, sentence: sentenceOf(x.sentence) }));
    const expected = EXPECTED[folder].defects;
    for (const e of expected) expect(found.some((x) => x.code === e.code && x.sentence.includes(e.sentence)), `${e.code} in “${e.sentence}”; found ${JSON.stringify(found)}`).toBe(true);
    expect(found.length, JSON.stringify(found, null, 1)).toBe(expected.length);
    for (const n of EXPECTED[folder].notes ?? []) expect(reading.findings.some((x) => x.severity === 'note' && x.code === n.code && sentenceOf(x.sentence).includes(n.sentence)), `note ${n.code} in “${n.sentence}”`).toBe(true);
  });

  it('lists every fall the rules find, and only those', () => {
    const falls = reading.law.filter((l) => l.status === 'fail').map((l) => (l.part === 'appropriation_vs_revenue' ? `three-growths ${l.indicator} ${l.level}` : `${l.indicator} ${l.level}${l.subRegion ? ` ${l.subRegion}` : ''}`));
    expect(falls.sort()).toEqual([...EXPECTED[folder].falls].sort());
  });
});

describe('a bulletin’s own list of regions whose figure fell (广东 2016)', () => {
  const folder = 'guangdong_province_2016';
  const reading = readBulletin(rebuild(folder));
  const listed = parseCsv(readFileSync(join(FIXTURES, folder, 'negative_growth_list.csv'), 'utf8'));

  it('reads the 19 named cities and counties with their rates, groups and the figure they qualify', () => {
    expect(reading.falls.map((f) => ({ region: f.subRegion, rate: f.rate, group: f.group, row: f.figure + 1 }))).toEqual(listed.map((r) => ({ region: r['地区'], rate: r['增长率(%)'], group: r['原文分组'], row: Number(r['bulletin_rows.csv序号']) })));
  });

  it('agrees with the counts the text states (2个地级以上市, 12个县(区), 3个县(区), 2个县(区))', () => {
    expect(reading.counts.map((c) => `${c.count}${c.group}`)).toEqual(['2地级以上市', '12县(区)', '3县(区)', '2县(区)']);
    expect(reading.findings.filter((f) => f.code === 'list_count')).toEqual([]);
  });

  it('the rules find the province itself did not fall, and each listed region did', () => {
    const own = reading.law.filter((l) => l.subRegion === null);
    expect(own.map((l) => l.status)).toEqual(['pass', 'pass', 'pass']);
    const sub = reading.law.filter((l) => l.subRegion !== null);
    expect(sub).toHaveLength(19);
    expect(sub.every((l) => l.status === 'fail' && l.decidedBy === 'listed_rate')).toBe(true);
  });
});

describe('同口径 rates give the comparable base (伊川 2021)', () => {
  it('decides by the rate and shows the base it implies', () => {
    const reading = readBulletin(rebuild('yichuan_county_luoyang_henan_2021'));
    const gpb = reading.law.find((l) => l.indicator === 'gpb_edu_funds')!;
    // 75128.36 ÷ (1 − 0.3369) = 113298.69…
    expect(gpb).toMatchObject({ status: 'fail', decidedBy: 'comparable_rate', growth: '-33.69', comparableBase: '113298.69' });
  });
});
