// Student-aid standards, read from the law store (core/law): every amount effective-dated with its
// unit and reference. This file maps the aid items onto the store's keys and keeps the one table
// the store does not hold as numbers: which 档 each province belongs to.
import { lawAt, type LawRecord } from '../law';
import type { LawKey } from '../law/keys';
import type { IsoDate } from '../law/types';
import type { LevelCode } from '../levels';
import type { AidItem } from './items';

/** The store key of an item's national per-student standard at a level, if it has one. */
export function standardKey(item: AidItem, level: LevelCode): LawKey | null {
  if (item === 'living_subsidy' && level === 'primary') return 'standard.living_subsidy_boarder.primary.national';
  if (item === 'living_subsidy' && level === 'junior') return 'standard.living_subsidy_boarder.junior.national';
  if (item === 'senior_grant' && level === 'senior') return 'aid.senior_grant.average';
  if (item === 'voc_grant' && level === 'sec_voc') return 'aid.voc_grant.average';
  return null;
}

/** The national standard for an item and level on a date (分), or undefined when none is in force. */
export function standardOn(item: AidItem, level: LevelCode, date: IsoDate): LawRecord | undefined {
  const key = standardKey(item, level);
  return key ? lawAt(key, date) : undefined;
}

export const CENTRAL_SHARE_KEYS = ['cost_share.central.tier1', 'cost_share.central.tier2', 'cost_share.central.tier3', 'cost_share.central.tier4', 'cost_share.central.tier5'] as const satisfies readonly LawKey[];

/** The 档 of each province (and of the five separately planned cities), 国办发〔2018〕6号, by GB/T 2260 code. */
export const DANG_OF: Readonly<Record<string, 1 | 2 | 3 | 4 | 5>> = {
  ...Object.fromEntries(['150000', '450000', '500000', '510000', '520000', '530000', '540000', '610000', '620000', '630000', '640000', '650000'].map((c) => [c, 1 as const])),
  ...Object.fromEntries(['130000', '140000', '220000', '230000', '340000', '360000', '410000', '420000', '430000', '460000'].map((c) => [c, 2 as const])),
  ...Object.fromEntries(['210000', '370000', '350000'].map((c) => [c, 3 as const])),
  ...Object.fromEntries(['120000', '320000', '330000', '440000', '210200', '330200', '350200', '370200', '440300'].map((c) => [c, 4 as const])),
  ...Object.fromEntries(['110000', '310000'].map((c) => [c, 5 as const])),
};

/**
 * Aid is budgeted by calendar year while the standards change with the spring term: a year's
 * standard is the one in force on 1 March (the spring term); the date is shown with every result.
 */
export function referenceDate(year: number): IsoDate {
  return `${year}-03-01` as IsoDate;
}
