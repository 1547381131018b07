-- 0001 foundation: regions, levels, budget functions, datasets with provenance, facts, standards.
-- Money is INTEGER 分 everywhere (columns end in _fen). Counts of people are INTEGER persons.
-- Conventions: STRICT tables; codes checked; every fact belongs to exactly one dataset, and a
-- dataset is never edited after import (a correction is a new dataset that supersedes it).

CREATE TABLE region (
  code         TEXT PRIMARY KEY CHECK (code GLOB '[1-9][0-9][0-9][0-9][0-9][0-9]'),
  name         TEXT NOT NULL CHECK (length(name) > 0),
  short_name   TEXT NOT NULL CHECK (length(short_name) > 0),
  level        TEXT NOT NULL CHECK (level IN ('province', 'prefecture', 'county')),
  -- What kind of unit it is: 省/自治区/直辖市, 地级市/地区/自治州/盟, 市辖区/县/县级市/旗 …
  kind         TEXT NOT NULL CHECK (kind IN (
                 'province', 'autonomous_region', 'municipality', 'sar',
                 'prefecture_city', 'prefecture', 'autonomous_prefecture', 'league', 'municipal_pseudo',
                 'district', 'county', 'autonomous_county', 'banner', 'county_city', 'forest_area', 'special_area')),
  parent_code  TEXT REFERENCES region(code),
  -- Development tier for tilting transfers: 1 = least developed … 5 = most developed, following
  -- the order of the central cost-sharing 档 (第一档 receives the largest share). NULL = unclassified.
  dev_tier     INTEGER CHECK (dev_tier BETWEEN 1 AND 5),
  urban_rural  TEXT CHECK (urban_rural IN ('urban', 'rural')),
  valid_from   TEXT CHECK (valid_from IS NULL OR valid_from GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  valid_to     TEXT CHECK (valid_to IS NULL OR valid_to GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  CHECK ((level = 'province') = (parent_code IS NULL)),
  CHECK (level <> 'province' OR code GLOB '[1-9][0-9]0000'),
  CHECK (level <> 'prefecture' OR code GLOB '[1-9][0-9][0-9][0-9]00'),
  CHECK (level <> 'county' OR code NOT GLOB '*00'),
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to > valid_from)
) STRICT;
CREATE INDEX region_parent ON region(parent_code);

-- GB/T 2260 retires a code when an area changes; this keeps old → new so series can be compared
-- on the current boundary (docs/domain.md#edge-cases item 5). share = the part of the old unit that went to new.
CREATE TABLE region_code_change (
  id              INTEGER PRIMARY KEY,
  old_code        TEXT NOT NULL REFERENCES region(code),
  new_code        TEXT NOT NULL REFERENCES region(code),
  effective_date  TEXT NOT NULL CHECK (effective_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  kind            TEXT NOT NULL CHECK (kind IN ('recode', 'county_to_district', 'county_to_city', 'merge', 'split', 'boundary')),
  share           REAL NOT NULL CHECK (share > 0 AND share <= 1),
  note            TEXT,
  UNIQUE (old_code, new_code, effective_date),
  CHECK (old_code <> new_code)
) STRICT;

CREATE TABLE education_level (
  code        TEXT PRIMARY KEY,
  name_zh     TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  sort_order  INTEGER NOT NULL UNIQUE,
  compulsory  INTEGER NOT NULL CHECK (compulsory IN (0, 1))
) STRICT;
INSERT INTO education_level VALUES
  ('preschool', '学前教育', 'Pre-school', 1, 0),
  ('primary', '小学', 'Primary', 2, 1),
  ('junior', '初中', 'Junior secondary', 3, 1),
  ('senior', '普通高中', 'Senior secondary', 4, 0),
  ('sec_voc', '中职', 'Secondary vocational', 5, 0),
  ('special', '特殊教育', 'Special education', 6, 0),
  ('higher', '高等教育', 'Higher education', 7, 0),
  ('all', '合计', 'All levels', 99, 0);

-- 政府收支分类科目, function class 205 教育支出, revised every year: (year, code) → name.
CREATE TABLE budget_function (
  year         INTEGER NOT NULL CHECK (year BETWEEN 2007 AND 2100),
  code         TEXT NOT NULL CHECK (code GLOB '205*' AND length(code) IN (3, 5, 7)),
  name_zh      TEXT NOT NULL,
  parent_code  TEXT,
  -- C = confirmed in a source, M = from memory (docs/domain.md#confidence); shown beside the name in the app.
  confidence   TEXT NOT NULL CHECK (confidence IN ('C', 'D', 'M')),
  PRIMARY KEY (year, code),
  FOREIGN KEY (year, parent_code) REFERENCES budget_function(year, code),
  CHECK ((length(code) = 3) = (parent_code IS NULL))
) STRICT;

CREATE TABLE dataset (
  id                INTEGER PRIMARY KEY,
  name              TEXT NOT NULL CHECK (length(name) > 0),
  kind              TEXT NOT NULL CHECK (kind IN ('expenditure', 'enrolment', 'fiscal', 'standard', 'bulletin', 'regions', 'region_changes')),
  source_file_name  TEXT NOT NULL,
  sha256            TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  sheet             TEXT,
  imported_at       TEXT NOT NULL,
  -- The unit the source printed its values in; stored values are always 分 or persons.
  unit              TEXT NOT NULL CHECK (unit IN ('元', '万元', '亿元', '人', '万人', 'mixed')),
  -- Which statistical series (docs/domain.md#what-is-compared): MOE 一般公共预算教育经费 or MOF function class 205.
  basis             TEXT CHECK (basis IN ('moe_edu_funds', 'mof_205')),
  scope             TEXT CHECK (scope IN ('consolidated', 'own_level')),
  release_stage     TEXT NOT NULL CHECK (release_stage IN ('flash', 'bulletin', 'yearbook', 'final_accounts', 'budget', 'other')),
  row_count         INTEGER NOT NULL CHECK (row_count >= 0),
  synthetic         INTEGER NOT NULL DEFAULT 0 CHECK (synthetic IN (0, 1)),
  supersedes_id     INTEGER REFERENCES dataset(id),
  note              TEXT,
  CHECK (kind <> 'expenditure' OR (basis IS NOT NULL AND scope IS NOT NULL))
) STRICT;

CREATE TABLE expenditure_fact (
  dataset_id          INTEGER NOT NULL REFERENCES dataset(id),
  region_code         TEXT NOT NULL REFERENCES region(code),
  year                INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  level               TEXT NOT NULL REFERENCES education_level(code),
  -- '205' = the whole education function; finer codes when the source splits by 款/项.
  func_code           TEXT NOT NULL DEFAULT '205' CHECK (func_code GLOB '205*' AND length(func_code) IN (3, 5, 7)),
  amount_fen          INTEGER NOT NULL CHECK (amount_fen >= 0),
  -- A published 同口径 restated prior-year base, kept beside the level (docs/domain.md#edge-cases item 2).
  restated_prior_fen  INTEGER CHECK (restated_prior_fen >= 0),
  -- Growth as printed by the source, percent, exact text (e.g. '4.68'); never recomputed.
  official_growth     TEXT CHECK (official_growth IS NULL OR official_growth GLOB '*[0-9]*'),
  source_row          INTEGER,
  PRIMARY KEY (dataset_id, region_code, year, level, func_code)
) STRICT, WITHOUT ROWID;
CREATE INDEX expenditure_by_region_year ON expenditure_fact(region_code, year);

CREATE TABLE enrolment_fact (
  dataset_id   INTEGER NOT NULL REFERENCES dataset(id),
  region_code  TEXT NOT NULL REFERENCES region(code),
  year         INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  level        TEXT NOT NULL REFERENCES education_level(code),
  students     INTEGER NOT NULL CHECK (students >= 0),
  -- What the count is: 'autumn' = 秋季在校生数 of the school year starting in `year`; the other
  -- two are already-averaged calendar-year divisors (docs/domain.md#what-is-compared).
  count_basis  TEXT NOT NULL DEFAULT 'autumn' CHECK (count_basis IN ('autumn', 'weighted_8_4', 'average_two_autumns')),
  source_row   INTEGER,
  PRIMARY KEY (dataset_id, region_code, year, level)
) STRICT, WITHOUT ROWID;
CREATE INDEX enrolment_by_region_year ON enrolment_fact(region_code, year);

CREATE TABLE fiscal_indicator (
  code       TEXT PRIMARY KEY,
  name_zh    TEXT NOT NULL,
  name_en    TEXT NOT NULL,
  -- Stored integer unit: 分 for money, persons for population, 0.01 km² for area.
  base_unit  TEXT NOT NULL CHECK (base_unit IN ('fen', 'person', 'km2_hundredth'))
) STRICT;
INSERT INTO fiscal_indicator VALUES
  ('gpb_revenue', '一般公共预算收入', 'General public budget revenue', 'fen'),
  ('gpb_expenditure', '一般公共预算支出', 'General public budget expenditure', 'fen'),
  ('recurrent_revenue', '财政经常性收入', 'Recurrent fiscal revenue', 'fen'),
  ('tax_revenue', '税收收入', 'Tax revenue', 'fen'),
  ('transfer_received', '上级转移支付收入', 'Transfers received', 'fen'),
  ('gdp', '地区生产总值', 'Gross regional product', 'fen'),
  ('fiscal_edu_funds', '国家财政性教育经费', 'Government education funds', 'fen'),
  ('edu_appropriation', '教育财政拨款', 'Education appropriation', 'fen'),
  ('teacher_avg_pay', '教师平均工资', 'Teachers'' average pay', 'fen'),
  ('civil_servant_avg_pay', '公务员平均工资', 'Civil servants'' average pay', 'fen'),
  ('population', '年末常住人口', 'Resident population', 'person'),
  ('area', '行政区域面积', 'Land area', 'km2_hundredth');

CREATE TABLE fiscal_fact (
  dataset_id   INTEGER NOT NULL REFERENCES dataset(id),
  region_code  TEXT NOT NULL REFERENCES region(code),
  year         INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  indicator    TEXT NOT NULL REFERENCES fiscal_indicator(code),
  value        INTEGER NOT NULL,
  source_row   INTEGER,
  PRIMARY KEY (dataset_id, region_code, year, indicator)
) STRICT, WITHOUT ROWID;
CREATE INDEX fiscal_by_region_year ON fiscal_fact(region_code, year);

-- Law as data: effective-dated standards with their legal reference (docs/domain.md#public-funds-standard).
CREATE TABLE funding_standard (
  id              INTEGER PRIMARY KEY,
  dataset_id      INTEGER REFERENCES dataset(id),
  level           TEXT NOT NULL REFERENCES education_level(code),
  component       TEXT NOT NULL CHECK (component IN (
                    'public_funds_base', 'boarding_topup', 'special_ed_public_funds', 'small_school_min_pupils',
                    'heating', 'living_subsidy_boarder', 'living_subsidy_nonboarder', 'per_student_appropriation')),
  -- national | east | central_west | tier1 … tier5 | a province code
  region_class    TEXT NOT NULL CHECK (region_class IN ('national', 'east', 'central_west', 'tier1', 'tier2', 'tier3', 'tier4', 'tier5')
                                       OR region_class GLOB '[1-9][0-9]0000'),
  -- 分 per pupil per year, except small_school_min_pupils which is a number of pupils.
  value           INTEGER NOT NULL CHECK (value >= 0),
  value_unit      TEXT NOT NULL CHECK (value_unit IN ('fen_per_pupil_year', 'pupils')),
  effective_from  TEXT NOT NULL CHECK (effective_from GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  effective_to    TEXT CHECK (effective_to IS NULL OR effective_to > effective_from),
  legal_ref       TEXT NOT NULL CHECK (length(legal_ref) > 0),
  source_url      TEXT,
  confidence      TEXT NOT NULL CHECK (confidence IN ('C', 'D', 'M')),
  CHECK ((component = 'small_school_min_pupils') = (value_unit = 'pupils'))
) STRICT;
CREATE INDEX funding_standard_lookup ON funding_standard(level, component, region_class, effective_from);

CREATE TABLE setting (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) STRICT;
