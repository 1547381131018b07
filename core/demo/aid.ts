// Synthetic student-aid counts for the demo: for each county and each of the last three years,
// identified students from families in financial difficulty by level and category, the boarders
// among them, those funded, the approved fees, and what each county budgeted. Derived from the
// demo's own consolidated enrolment with a stream of its own, so nothing else in the demo moves.
//
// Planted for the allocation views: the two least-developed counties of the province have the
// highest identified shares, so a quota split by enrolment alone leaves them short (不漏一人
// fails there) while a split weighted by identified students does not.
import type { LevelCode } from '../levels';
import type { AidCategory, AidItem } from '../aid/items';
import { createRng } from './random';
import type { DemoData } from './types';

export type DemoAidFact = {
  regionCode: string;
  year: number;
  level: LevelCode;
  category: AidCategory;
  item: AidItem | '';
  measure: 'eligible' | 'funded' | 'boarders' | 'approved_fee_fen' | 'budget_fen';
  value: number;
};

const AID_LEVELS: readonly LevelCode[] = ['preschool', 'primary', 'junior', 'senior', 'sec_voc'];
/** Identified share of enrolment by development tier (1 = least developed), per mille. */
const SHARE_BY_TIER: Readonly<Record<number, number>> = { 1: 190, 2: 140, 3: 100, 4: 70, 5: 45 };
const CATEGORY_SPLIT: readonly [AidCategory, number][] = [
  ['dibao', 35],
  ['tuopin', 30],
  ['jiance', 10],
  ['tekun', 5],
  ['disabled', 8],
  ['orphan', 2],
  ['other', 10],
];

export function demoAidFacts(data: DemoData): DemoAidFact[] {
  const out: DemoAidFact[] = [];
  const counties = data.regions.filter((r) => r.level === 'county' && r.validTo === null);
  const years = [data.lastYear - 2, data.lastYear - 1, data.lastYear];
  const enrolled = new Map<string, number>();
  for (const e of data.enrolment) if (e.scope === 'consolidated') enrolled.set(`${e.regionCode}/${e.year}/${e.level}`, e.students);
  // The two least-developed counties (lowest tier, then code) carry the planted high shares.
  const planted = new Set(
    [...counties]
      .sort((a, b) => a.devTier - b.devTier || a.code.localeCompare(b.code))
      .slice(0, 2)
      .map((c) => c.code),
  );
  for (const c of counties) {
    for (const year of years) {
      const rng = createRng(data.seed, 'aid', c.code, year);
      const eligibleBy = new Map<LevelCode, number>();
      for (const level of AID_LEVELS) {
        const n = enrolled.get(`${c.code}/${year}/${level}`);
        if (n === undefined || n === 0) continue;
        const perMille = (planted.has(c.code) ? 320 : SHARE_BY_TIER[c.devTier]!) + rng.int(-15, 15);
        const eligible = Math.floor((n * perMille) / 1000);
        eligibleBy.set(level, eligible);
        let left = eligible;
        CATEGORY_SPLIT.forEach(([category, pct], i) => {
          const k = i === CATEGORY_SPLIT.length - 1 ? left : Math.min(left, Math.floor((eligible * pct) / 100));
          left -= k;
          out.push({ regionCode: c.code, year, level, category, item: '', measure: 'eligible', value: k });
          out.push({ regionCode: c.code, year, level, category, item: '', measure: 'funded', value: Math.floor((k * rng.int(90, 100)) / 100) });
          if (level === 'primary' || level === 'junior') out.push({ regionCode: c.code, year, level, category, item: '', measure: 'boarders', value: Math.floor((k * rng.int(25, 55)) / 100) });
        });
        if (level === 'senior') out.push({ regionCode: c.code, year, level, category: 'all', item: '', measure: 'approved_fee_fen', value: 80_000 + 10_000 * (5 - c.devTier) });
        if (level === 'sec_voc') out.push({ regionCode: c.code, year, level, category: 'all', item: '', measure: 'approved_fee_fen', value: 200_000 + 25_000 * c.devTier });
      }
      // What the county budgeted for the grants it administers: roughly the need at the
      // national average, a little short in some counties.
      const eligibleSenior = eligibleBy.get('senior');
      if (eligibleSenior !== undefined) {
        const std = year >= 2025 ? 230_000 : 200_000;
        out.push({ regionCode: c.code, year, level: 'senior', category: 'all', item: 'senior_grant', measure: 'budget_fen', value: Math.floor((eligibleSenior * std * rng.int(92, 104)) / 100) });
      }
    }
  }
  return out;
}
