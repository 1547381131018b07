// The fact tables of the school-level kinds (one row per school section, kindergarten,
// certification or county-year), and the dataset kinds that fill them.
export const SCHOOL_FACT_TABLES = {
  schools: 'school_fact',
  kindergartens: 'kindergarten_fact',
  county_attainment: 'county_attainment_fact',
  inclusion: 'inclusion_fact',
} as const;
export type SchoolDatasetKind = keyof typeof SCHOOL_FACT_TABLES;
