// What the demo generator produces: a fictional province (or, at national scale, 31 provinces) as
// plain rows that db/ writes into datasets. Pure data — no I/O here.
import type { LevelCode, LevelOrAll } from '../levels';
import type { RegionLevel } from '../regions/gbt2260';

export type Scope = 'consolidated' | 'own_level';

export type RegionKind =
  | 'province' | 'autonomous_region' | 'municipality'
  | 'prefecture_city' | 'prefecture' | 'autonomous_prefecture' | 'league' | 'municipal_pseudo'
  | 'district' | 'county' | 'autonomous_county' | 'banner' | 'county_city' | 'forest_area' | 'special_area';

export type DemoRegion = {
  code: string;
  name: string;
  shortName: string;
  level: RegionLevel;
  kind: RegionKind;
  parentCode: string | null;
  /** 1 = least developed … 5 = most developed (order of the central cost-sharing 档). */
  devTier: 1 | 2 | 3 | 4 | 5;
  urbanRural: 'urban' | 'rural' | null;
  /** ISO date; set on codes created by a code change. */
  validFrom: string | null;
  /** ISO date; set on retired codes. */
  validTo: string | null;
};

export type DemoCodeChange = {
  oldCode: string;
  newCode: string;
  effectiveDate: string;
  kind: 'recode' | 'county_to_district' | 'county_to_city' | 'merge' | 'split' | 'boundary';
  share: number;
  note: string;
};

export type DemoExpenditure = { regionCode: string; year: number; level: LevelCode; scope: Scope; amountFen: number };
export type DemoEnrolment = { regionCode: string; year: number; level: LevelCode; scope: Scope; students: number };

export type DemoFiscalIndicator =
  | 'gpb_revenue' | 'gpb_expenditure' | 'recurrent_revenue' | 'tax_revenue' | 'transfer_received'
  | 'gdp' | 'fiscal_edu_funds' | 'edu_appropriation' | 'teacher_avg_pay' | 'civil_servant_avg_pay'
  | 'population' | 'area';
export type DemoFiscal = { regionCode: string; year: number; indicator: DemoFiscalIndicator; value: number };

export type PlantedFailure = {
  rule: 'edu-spending-no-decrease' | 'per-student-no-decrease';
  regionCode: string;
  year: number;
  level: LevelOrAll;
  scope: Scope;
  /** Why it was planted, in Chinese, shown in the demo documentation. */
  description: string;
};

export type DemoScale = 'province' | 'national';

export type DemoData = {
  seed: number;
  scale: DemoScale;
  firstYear: number;
  lastYear: number;
  regions: DemoRegion[];
  codeChanges: DemoCodeChange[];
  expenditure: DemoExpenditure[];
  enrolment: DemoEnrolment[];
  fiscal: DemoFiscal[];
  planted: PlantedFailure[];
};
