-- schema after migration 9

CREATE TABLE aid_fact (
  dataset_id   INTEGER NOT NULL REFERENCES dataset(id),
  region_code  TEXT NOT NULL REFERENCES region(code),
  year         INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  level        TEXT NOT NULL REFERENCES education_level(code),
  category     TEXT NOT NULL CHECK (category IN ('dibao', 'tekun', 'tuopin', 'jiance', 'disabled', 'orphan', 'other', 'all')),
  -- budget rows name their aid item in `item`; count rows leave it empty.
  item         TEXT NOT NULL DEFAULT '' CHECK (item IN ('', 'living_subsidy', 'senior_grant', 'senior_fee_waiver', 'voc_grant', 'voc_fee_waiver', 'preschool_aid')),
  measure      TEXT NOT NULL CHECK (measure IN ('eligible', 'funded', 'boarders', 'approved_fee_fen', 'budget_fen')),
  value        INTEGER NOT NULL CHECK (value >= 0),
  source_row   INTEGER,
  PRIMARY KEY (dataset_id, region_code, year, level, category, item, measure),
  CHECK ((measure = 'budget_fen') = (item <> ''))
) STRICT, WITHOUT ROWID;

CREATE TABLE audit_log (
  seq        INTEGER PRIMARY KEY CHECK (seq >= 1),
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('genesis', 'insert', 'update', 'delete', 'migrate', 'backup', 'restore')),
  entity     TEXT NOT NULL,
  entity_id  TEXT,
  before     TEXT CHECK (before IS NULL OR json_valid(before)),
  after      TEXT CHECK (after IS NULL OR json_valid(after)),
  prev_hash  TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash       TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
) STRICT;

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

CREATE TABLE bulletin_fact (
  dataset_id          INTEGER NOT NULL REFERENCES dataset(id),
  region_code         TEXT NOT NULL REFERENCES region(code),
  year                INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  level               TEXT NOT NULL REFERENCES education_level(code),
  -- What the figure is: the total, or an amount per student.
  measure             TEXT NOT NULL CHECK (measure IN ('total', 'per_student', 'per_student_operating', 'per_student_public_funds')),
  amount_fen          INTEGER NOT NULL CHECK (amount_fen >= 0),
  official_growth     TEXT CHECK (official_growth IS NULL OR official_growth GLOB '*[0-9]*'),
  comparable          INTEGER NOT NULL DEFAULT 0 CHECK (comparable IN (0, 1)),
  restated_prior_fen  INTEGER CHECK (restated_prior_fen >= 0),
  source_row          INTEGER,
  PRIMARY KEY (dataset_id, region_code, year, level, measure)
) STRICT, WITHOUT ROWID;

CREATE TABLE bulletin_published (
  dataset_id   INTEGER NOT NULL REFERENCES dataset(id),
  region_code  TEXT NOT NULL REFERENCES region(code),
  year         INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  level        TEXT NOT NULL REFERENCES education_level(code),
  measure      TEXT NOT NULL,
  -- prior: 上年 (in the dataset's printed unit); share, revenue_growth (%), growth_gap (个百分点);
  -- share_base: the share's denominator; comparable_base: 本年 ÷ (1 + 同口径 growth), in 元, derived.
  field        TEXT NOT NULL CHECK (field IN ('prior', 'share', 'revenue_growth', 'growth_gap', 'share_base', 'comparable_base')),
  printed      TEXT NOT NULL CHECK (printed GLOB '*[0-9]*'),
  source_row   INTEGER,
  PRIMARY KEY (dataset_id, region_code, year, level, measure, field)
) STRICT, WITHOUT ROWID;

CREATE TABLE compliance_annotation (
  id           INTEGER PRIMARY KEY,
  rule         TEXT NOT NULL CHECK (rule IN ('edu-spending-no-decrease', 'per-student-no-decrease', 'three-growths',
                 'fiscal-edu-gdp-4pct', 'edu-share-of-budget', 'public-funds-per-student-standard', 'teacher-pay-parity')),
  region_code  TEXT NOT NULL CHECK (region_code GLOB '[1-9][0-9][0-9][0-9][0-9][0-9]'),
  year         INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  -- NULL = the total or the all-levels combined figure
  level        TEXT REFERENCES education_level(code) CHECK (level IS NULL OR level <> 'all'),
  scope        TEXT NOT NULL CHECK (scope IN ('consolidated', 'own_level')),
  text         TEXT NOT NULL CHECK (length(trim(text)) > 0),
  author       TEXT NOT NULL CHECK (length(trim(author)) > 0),
  created_at   TEXT NOT NULL
) STRICT;

CREATE TABLE county_attainment_fact (
  dataset_id    INTEGER NOT NULL REFERENCES dataset(id),
  region_code   TEXT NOT NULL REFERENCES region(code),
  -- the year the county was certified
  year          INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  attainment    TEXT NOT NULL CHECK (attainment IN ('basic_balance', 'quality_balance', 'preschool_universal')),
  source_row    INTEGER,
  PRIMARY KEY (dataset_id, region_code, year, attainment)
) STRICT;

CREATE TABLE dataset (
  id                INTEGER PRIMARY KEY,
  name              TEXT NOT NULL CHECK (length(name) > 0),
  kind              TEXT NOT NULL CHECK (kind IN ('expenditure', 'enrolment', 'fiscal', 'standard', 'bulletin', 'regions', 'region_changes', 'aid', 'schools', 'kindergartens', 'county_attainment', 'inclusion')),
  source_file_name  TEXT NOT NULL,
  sha256            TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  sheet             TEXT,
  imported_at       TEXT NOT NULL,
  -- The unit the source printed its values in; stored values are always 分 or persons.
  unit              TEXT NOT NULL CHECK (unit IN ('元', '万元', '亿元', '人', '万人', 'mixed')),
  -- Which statistical series: MOE 一般公共预算教育经费 or MOF function class 205.
  basis             TEXT CHECK (basis IN ('moe_edu_funds', 'mof_205')),
  scope             TEXT CHECK (scope IN ('consolidated', 'own_level')),
  release_stage     TEXT NOT NULL CHECK (release_stage IN ('flash', 'bulletin', 'yearbook', 'final_accounts', 'budget', 'other')),
  row_count         INTEGER NOT NULL CHECK (row_count >= 0),
  synthetic         INTEGER NOT NULL DEFAULT 0 CHECK (synthetic IN (0, 1)),
  supersedes_id     INTEGER REFERENCES dataset(id),
  note              TEXT, mapping_json TEXT, mapping_hash TEXT CHECK (mapping_hash IS NULL OR length(mapping_hash) = 64), encoding TEXT CHECK (encoding IS NULL OR encoding IN ('utf-8', 'gb18030')),
  CHECK (kind <> 'expenditure' OR (basis IS NOT NULL AND scope IS NOT NULL))
) STRICT;

CREATE TABLE dataset_control_total (
  dataset_id   INTEGER NOT NULL REFERENCES dataset(id),
  label        TEXT NOT NULL,
  year         INTEGER,
  field        TEXT NOT NULL,
  expected     INTEGER NOT NULL,
  actual       INTEGER NOT NULL,
  -- 分 or persons; the rounding a printed total carries, within which a difference is not a mismatch
  tolerance    INTEGER NOT NULL CHECK (tolerance >= 0),
  source_row   INTEGER,
  PRIMARY KEY (dataset_id, label, year, field)
) STRICT;

CREATE TABLE dataset_finding (
  dataset_id   INTEGER NOT NULL REFERENCES dataset(id),
  seq          INTEGER NOT NULL CHECK (seq >= 1),
  code         TEXT NOT NULL,
  sheet        TEXT,
  source_row   INTEGER,
  column_label TEXT,
  value        TEXT,
  message      TEXT NOT NULL,
  PRIMARY KEY (dataset_id, seq)
) STRICT;

CREATE TABLE education_level (
  code        TEXT PRIMARY KEY,
  name_zh     TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  sort_order  INTEGER NOT NULL UNIQUE,
  compulsory  INTEGER NOT NULL CHECK (compulsory IN (0, 1))
) STRICT;

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

CREATE TABLE fact_columns (
  dataset_id  INTEGER PRIMARY KEY REFERENCES dataset(id) ON DELETE CASCADE,
  sha256      TEXT NOT NULL,
  row_count   INTEGER NOT NULL CHECK (row_count >= 0),
  codes       TEXT NOT NULL,
  keys        TEXT NOT NULL,
  data        BLOB NOT NULL
) STRICT;

CREATE TABLE fiscal_fact (
  dataset_id   INTEGER NOT NULL REFERENCES dataset(id),
  region_code  TEXT NOT NULL REFERENCES region(code),
  year         INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  indicator    TEXT NOT NULL REFERENCES fiscal_indicator(code),
  value        INTEGER NOT NULL,
  source_row   INTEGER,
  PRIMARY KEY (dataset_id, region_code, year, indicator)
) STRICT, WITHOUT ROWID;

CREATE TABLE fiscal_indicator (
  code       TEXT PRIMARY KEY,
  name_zh    TEXT NOT NULL,
  name_en    TEXT NOT NULL,
  -- Stored integer unit: 分 for money, persons for population, 0.01 km² for area.
  base_unit  TEXT NOT NULL CHECK (base_unit IN ('fen', 'person', 'km2_hundredth'))
) STRICT;

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

CREATE TABLE import_mapping (
  shape_hash    TEXT NOT NULL CHECK (length(shape_hash) = 64),
  kind          TEXT NOT NULL,
  mapping_json  TEXT NOT NULL,
  saved_at      TEXT NOT NULL,
  PRIMARY KEY (shape_hash, kind)
) STRICT;

CREATE TABLE inclusion_fact (
  dataset_id    INTEGER NOT NULL REFERENCES dataset(id),
  region_code   TEXT NOT NULL REFERENCES region(code),
  year          INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  -- 适龄残疾儿童少年 (eligible) and those enrolled in compulsory education
  eligible      INTEGER NOT NULL CHECK (eligible >= 0),
  enrolled      INTEGER NOT NULL CHECK (enrolled >= 0),
  source_row    INTEGER,
  PRIMARY KEY (dataset_id, region_code, year)
) STRICT;

CREATE TABLE kindergarten_fact (
  dataset_id    INTEGER NOT NULL REFERENCES dataset(id),
  region_code   TEXT NOT NULL REFERENCES region(code),
  year          INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  kg_code       TEXT NOT NULL CHECK (length(kg_code) > 0),
  kg_name       TEXT NOT NULL,
  -- 公办 / 普惠性民办 / 其他民办
  ownership     TEXT NOT NULL CHECK (ownership IN ('public', 'inclusive_private', 'private')),
  children      INTEGER NOT NULL CHECK (children >= 0),
  -- 省一类及以上 = 1; the province's grading otherwise (2, 3 …); NULL = not graded
  grade         INTEGER CHECK (grade IS NULL OR grade BETWEEN 0 AND 9),
  source_row    INTEGER,
  PRIMARY KEY (dataset_id, region_code, year, kg_code)
) STRICT;

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

CREATE TABLE scenario (
  id           INTEGER PRIMARY KEY,
  region_code  TEXT NOT NULL REFERENCES region(code),
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0 AND length(name) <= 100),
  -- 1 = the region's baseline row: the current rule, overlay always empty.
  is_baseline  INTEGER NOT NULL DEFAULT 0 CHECK (is_baseline IN (0, 1)),
  overlay      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(overlay) AND json_type(overlay) = 'array'),
  scores       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(scores) AND json_type(scores) = 'object'),
  year         INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  params_hash  TEXT NOT NULL CHECK (length(params_hash) = 64),
  data_hash    TEXT NOT NULL CHECK (length(data_hash) = 64),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CHECK (is_baseline = 0 OR (overlay = '[]' AND scores = '{}')),
  UNIQUE (region_code, name)
) STRICT;

CREATE TABLE school_fact (
  dataset_id          INTEGER NOT NULL REFERENCES dataset(id),
  region_code         TEXT NOT NULL REFERENCES region(code),
  year                INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  school_code         TEXT NOT NULL CHECK (length(school_code) > 0),
  -- 一贯制 schools and 完全中学 have one row per section, as the assessment computes them apart
  section             TEXT NOT NULL CHECK (section IN ('primary', 'junior', 'senior')),
  school_name         TEXT NOT NULL,
  school_type         TEXT NOT NULL CHECK (school_type IN ('primary', 'junior', 'nine_year', 'twelve_year', 'complete_middle', 'teaching_point', 'special', 'vocational', 'senior')),
  locale              TEXT NOT NULL CHECK (locale IN ('urban', 'town', 'rural')),
  township            TEXT,
  pupils              INTEGER NOT NULL CHECK (pupils >= 0),
  classes             INTEGER NOT NULL CHECK (classes >= 0),
  qualified_teachers  INTEGER NOT NULL CHECK (qualified_teachers >= 0),
  key_teachers        INTEGER NOT NULL CHECK (key_teachers >= 0),
  pe_art_teachers     INTEGER NOT NULL CHECK (pe_art_teachers >= 0),
  -- areas in dm² (0.01 m²) and money in 分: every stored figure is an integer
  teaching_area_dm2   INTEGER NOT NULL CHECK (teaching_area_dm2 >= 0),
  sports_area_dm2     INTEGER NOT NULL CHECK (sports_area_dm2 >= 0),
  equipment_fen       INTEGER NOT NULL CHECK (equipment_fen >= 0),
  multimedia_rooms    INTEGER NOT NULL CHECK (multimedia_rooms >= 0),
  boarders            INTEGER NOT NULL DEFAULT 0 CHECK (boarders >= 0),
  special_ed_pupils   INTEGER NOT NULL DEFAULT 0 CHECK (special_ed_pupils >= 0),
  teachers            INTEGER CHECK (teachers IS NULL OR teachers >= 0),
  bachelor_teachers   INTEGER CHECK (bachelor_teachers IS NULL OR bachelor_teachers >= 0),
  source_row          INTEGER,
  PRIMARY KEY (dataset_id, region_code, year, school_code, section)
) STRICT;

CREATE TABLE setting (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) STRICT;

CREATE INDEX aid_by_region_year ON aid_fact(region_code, year);

CREATE INDEX audit_log_by_entity ON audit_log(entity, entity_id, seq);

CREATE INDEX compliance_annotation_by_result ON compliance_annotation(region_code, year, rule);

CREATE INDEX dataset_by_name ON dataset(kind, name);

CREATE INDEX dataset_by_sha ON dataset(sha256);

CREATE INDEX enrolment_by_region_year ON enrolment_fact(region_code, year);

CREATE INDEX expenditure_by_region_year ON expenditure_fact(region_code, year);

CREATE INDEX fiscal_by_region_year ON fiscal_fact(region_code, year);

CREATE INDEX funding_standard_lookup ON funding_standard(level, component, region_class, effective_from);

CREATE INDEX region_by_level ON region(level, code);

CREATE INDEX region_change_by_new ON region_code_change(new_code);

CREATE INDEX region_parent ON region(parent_code);

CREATE UNIQUE INDEX scenario_one_baseline ON scenario(region_code) WHERE is_baseline = 1;

CREATE INDEX school_fact_by_region ON school_fact(region_code, year);

CREATE TRIGGER audit_aid_fact_delete AFTER DELETE ON aid_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'aid_fact', CAST(OLD.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'category', OLD.category, 'item', OLD.item, 'measure', OLD.measure, 'value', OLD.value, 'source_row', OLD.source_row), NULL);
END;

CREATE TRIGGER audit_aid_fact_update AFTER UPDATE ON aid_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'aid_fact', CAST(NEW.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'category', OLD.category, 'item', OLD.item, 'measure', OLD.measure, 'value', OLD.value, 'source_row', OLD.source_row),
    json_object('dataset_id', NEW.dataset_id, 'region_code', NEW.region_code, 'year', NEW.year, 'level', NEW.level, 'category', NEW.category, 'item', NEW.item, 'measure', NEW.measure, 'value', NEW.value, 'source_row', NEW.source_row));
END;

CREATE VIEW audit_append AS SELECT action, entity, entity_id, before, after FROM audit_log;

CREATE TRIGGER audit_append_insert INSTEAD OF INSERT ON audit_append BEGIN
  INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, before, after, prev_hash, hash)
  SELECT s, t, a, NEW.action, NEW.entity, NEW.entity_id, NEW.before, NEW.after, p,
         wb_audit_hash(s, t, a, NEW.action, NEW.entity, NEW.entity_id, NEW.before, NEW.after, p)
  FROM (SELECT coalesce((SELECT max(seq) FROM audit_log), 0) + 1 AS s,
               strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS t,
               wb_actor() AS a,
               coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), hex(zeroblob(32))) AS p);
END;

CREATE TRIGGER audit_bulletin_fact_delete AFTER DELETE ON bulletin_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'bulletin_fact', CAST(OLD.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'measure', OLD.measure, 'amount_fen', OLD.amount_fen, 'official_growth', OLD.official_growth, 'comparable', OLD.comparable, 'restated_prior_fen', OLD.restated_prior_fen, 'source_row', OLD.source_row), NULL);
END;

CREATE TRIGGER audit_bulletin_fact_update AFTER UPDATE ON bulletin_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'bulletin_fact', CAST(NEW.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'measure', OLD.measure, 'amount_fen', OLD.amount_fen, 'official_growth', OLD.official_growth, 'comparable', OLD.comparable, 'restated_prior_fen', OLD.restated_prior_fen, 'source_row', OLD.source_row),
    json_object('dataset_id', NEW.dataset_id, 'region_code', NEW.region_code, 'year', NEW.year, 'level', NEW.level, 'measure', NEW.measure, 'amount_fen', NEW.amount_fen, 'official_growth', NEW.official_growth, 'comparable', NEW.comparable, 'restated_prior_fen', NEW.restated_prior_fen, 'source_row', NEW.source_row));
END;

CREATE TRIGGER audit_bulletin_published_delete AFTER DELETE ON bulletin_published BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'bulletin_published', CAST(OLD.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'measure', OLD.measure, 'field', OLD.field, 'printed', OLD.printed, 'source_row', OLD.source_row), NULL);
END;

CREATE TRIGGER audit_bulletin_published_update AFTER UPDATE ON bulletin_published BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'bulletin_published', CAST(NEW.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'measure', OLD.measure, 'field', OLD.field, 'printed', OLD.printed, 'source_row', OLD.source_row),
    json_object('dataset_id', NEW.dataset_id, 'region_code', NEW.region_code, 'year', NEW.year, 'level', NEW.level, 'measure', NEW.measure, 'field', NEW.field, 'printed', NEW.printed, 'source_row', NEW.source_row));
END;

CREATE TRIGGER audit_compliance_annotation_delete AFTER DELETE ON compliance_annotation BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'compliance_annotation', CAST(OLD.id AS TEXT),
    json_object('id', OLD.id, 'rule', OLD.rule, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'scope', OLD.scope, 'text', OLD.text, 'author', OLD.author, 'created_at', OLD.created_at), NULL);
END;

CREATE TRIGGER audit_compliance_annotation_insert AFTER INSERT ON compliance_annotation BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('insert', 'compliance_annotation', CAST(NEW.id AS TEXT), NULL,
    json_object('id', NEW.id, 'rule', NEW.rule, 'region_code', NEW.region_code, 'year', NEW.year, 'level', NEW.level, 'scope', NEW.scope, 'text', NEW.text, 'author', NEW.author, 'created_at', NEW.created_at));
END;

CREATE TRIGGER audit_compliance_annotation_update AFTER UPDATE ON compliance_annotation BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'compliance_annotation', CAST(NEW.id AS TEXT),
    json_object('id', OLD.id, 'rule', OLD.rule, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'scope', OLD.scope, 'text', OLD.text, 'author', OLD.author, 'created_at', OLD.created_at),
    json_object('id', NEW.id, 'rule', NEW.rule, 'region_code', NEW.region_code, 'year', NEW.year, 'level', NEW.level, 'scope', NEW.scope, 'text', NEW.text, 'author', NEW.author, 'created_at', NEW.created_at));
END;

CREATE TRIGGER audit_county_attainment_fact_delete AFTER DELETE ON county_attainment_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'county_attainment_fact', CAST(OLD.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'attainment', OLD.attainment, 'source_row', OLD.source_row), NULL);
END;

CREATE TRIGGER audit_county_attainment_fact_update AFTER UPDATE ON county_attainment_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'county_attainment_fact', CAST(NEW.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'attainment', OLD.attainment, 'source_row', OLD.source_row),
    json_object('dataset_id', NEW.dataset_id, 'region_code', NEW.region_code, 'year', NEW.year, 'attainment', NEW.attainment, 'source_row', NEW.source_row));
END;

CREATE TRIGGER audit_dataset_delete AFTER DELETE ON dataset BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'dataset', CAST(OLD.id AS TEXT),
    json_object('id', OLD.id, 'name', OLD.name, 'kind', OLD.kind, 'source_file_name', OLD.source_file_name, 'sha256', OLD.sha256, 'sheet', OLD.sheet, 'imported_at', OLD.imported_at, 'unit', OLD.unit, 'basis', OLD.basis, 'scope', OLD.scope, 'release_stage', OLD.release_stage, 'row_count', OLD.row_count, 'synthetic', OLD.synthetic, 'supersedes_id', OLD.supersedes_id, 'note', OLD.note, 'mapping_json', OLD.mapping_json, 'mapping_hash', OLD.mapping_hash, 'encoding', OLD.encoding), NULL);
END;

CREATE TRIGGER audit_dataset_finding_delete AFTER DELETE ON dataset_finding BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'dataset_finding', CAST(OLD.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'seq', OLD.seq, 'code', OLD.code, 'message', OLD.message), NULL);
END;

CREATE TRIGGER audit_dataset_finding_update AFTER UPDATE ON dataset_finding BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'dataset_finding', CAST(NEW.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'seq', OLD.seq, 'code', OLD.code, 'message', OLD.message),
    json_object('dataset_id', NEW.dataset_id, 'seq', NEW.seq, 'code', NEW.code, 'message', NEW.message));
END;

CREATE TRIGGER audit_dataset_insert AFTER INSERT ON dataset BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('insert', 'dataset', CAST(NEW.id AS TEXT), NULL,
    json_object('id', NEW.id, 'name', NEW.name, 'kind', NEW.kind, 'source_file_name', NEW.source_file_name, 'sha256', NEW.sha256, 'sheet', NEW.sheet, 'imported_at', NEW.imported_at, 'unit', NEW.unit, 'basis', NEW.basis, 'scope', NEW.scope, 'release_stage', NEW.release_stage, 'row_count', NEW.row_count, 'synthetic', NEW.synthetic, 'supersedes_id', NEW.supersedes_id, 'note', NEW.note, 'mapping_json', NEW.mapping_json, 'mapping_hash', NEW.mapping_hash, 'encoding', NEW.encoding));
END;

CREATE TRIGGER audit_dataset_update AFTER UPDATE ON dataset BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'dataset', CAST(NEW.id AS TEXT),
    json_object('id', OLD.id, 'name', OLD.name, 'kind', OLD.kind, 'source_file_name', OLD.source_file_name, 'sha256', OLD.sha256, 'sheet', OLD.sheet, 'imported_at', OLD.imported_at, 'unit', OLD.unit, 'basis', OLD.basis, 'scope', OLD.scope, 'release_stage', OLD.release_stage, 'row_count', OLD.row_count, 'synthetic', OLD.synthetic, 'supersedes_id', OLD.supersedes_id, 'note', OLD.note, 'mapping_json', OLD.mapping_json, 'mapping_hash', OLD.mapping_hash, 'encoding', OLD.encoding),
    json_object('id', NEW.id, 'name', NEW.name, 'kind', NEW.kind, 'source_file_name', NEW.source_file_name, 'sha256', NEW.sha256, 'sheet', NEW.sheet, 'imported_at', NEW.imported_at, 'unit', NEW.unit, 'basis', NEW.basis, 'scope', NEW.scope, 'release_stage', NEW.release_stage, 'row_count', NEW.row_count, 'synthetic', NEW.synthetic, 'supersedes_id', NEW.supersedes_id, 'note', NEW.note, 'mapping_json', NEW.mapping_json, 'mapping_hash', NEW.mapping_hash, 'encoding', NEW.encoding));
END;

CREATE TRIGGER audit_enrolment_fact_delete AFTER DELETE ON enrolment_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'enrolment_fact', CAST(OLD.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'students', OLD.students, 'count_basis', OLD.count_basis, 'source_row', OLD.source_row), NULL);
END;

CREATE TRIGGER audit_enrolment_fact_update AFTER UPDATE ON enrolment_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'enrolment_fact', CAST(NEW.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'students', OLD.students, 'count_basis', OLD.count_basis, 'source_row', OLD.source_row),
    json_object('dataset_id', NEW.dataset_id, 'region_code', NEW.region_code, 'year', NEW.year, 'level', NEW.level, 'students', NEW.students, 'count_basis', NEW.count_basis, 'source_row', NEW.source_row));
END;

CREATE TRIGGER audit_expenditure_fact_delete AFTER DELETE ON expenditure_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'expenditure_fact', CAST(OLD.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'func_code', OLD.func_code, 'amount_fen', OLD.amount_fen, 'restated_prior_fen', OLD.restated_prior_fen, 'official_growth', OLD.official_growth, 'source_row', OLD.source_row), NULL);
END;

CREATE TRIGGER audit_expenditure_fact_update AFTER UPDATE ON expenditure_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'expenditure_fact', CAST(NEW.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'func_code', OLD.func_code, 'amount_fen', OLD.amount_fen, 'restated_prior_fen', OLD.restated_prior_fen, 'official_growth', OLD.official_growth, 'source_row', OLD.source_row),
    json_object('dataset_id', NEW.dataset_id, 'region_code', NEW.region_code, 'year', NEW.year, 'level', NEW.level, 'func_code', NEW.func_code, 'amount_fen', NEW.amount_fen, 'restated_prior_fen', NEW.restated_prior_fen, 'official_growth', NEW.official_growth, 'source_row', NEW.source_row));
END;

CREATE TRIGGER audit_fiscal_fact_delete AFTER DELETE ON fiscal_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'fiscal_fact', CAST(OLD.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'indicator', OLD.indicator, 'value', OLD.value, 'source_row', OLD.source_row), NULL);
END;

CREATE TRIGGER audit_fiscal_fact_update AFTER UPDATE ON fiscal_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'fiscal_fact', CAST(NEW.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'indicator', OLD.indicator, 'value', OLD.value, 'source_row', OLD.source_row),
    json_object('dataset_id', NEW.dataset_id, 'region_code', NEW.region_code, 'year', NEW.year, 'indicator', NEW.indicator, 'value', NEW.value, 'source_row', NEW.source_row));
END;

CREATE TRIGGER audit_funding_standard_delete AFTER DELETE ON funding_standard BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'funding_standard', CAST(OLD.id AS TEXT),
    json_object('id', OLD.id, 'dataset_id', OLD.dataset_id, 'level', OLD.level, 'component', OLD.component, 'region_class', OLD.region_class, 'value', OLD.value, 'value_unit', OLD.value_unit, 'effective_from', OLD.effective_from, 'effective_to', OLD.effective_to, 'legal_ref', OLD.legal_ref, 'source_url', OLD.source_url, 'confidence', OLD.confidence), NULL);
END;

CREATE TRIGGER audit_funding_standard_insert AFTER INSERT ON funding_standard BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('insert', 'funding_standard', CAST(NEW.id AS TEXT), NULL,
    json_object('id', NEW.id, 'dataset_id', NEW.dataset_id, 'level', NEW.level, 'component', NEW.component, 'region_class', NEW.region_class, 'value', NEW.value, 'value_unit', NEW.value_unit, 'effective_from', NEW.effective_from, 'effective_to', NEW.effective_to, 'legal_ref', NEW.legal_ref, 'source_url', NEW.source_url, 'confidence', NEW.confidence));
END;

CREATE TRIGGER audit_funding_standard_update AFTER UPDATE ON funding_standard BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'funding_standard', CAST(NEW.id AS TEXT),
    json_object('id', OLD.id, 'dataset_id', OLD.dataset_id, 'level', OLD.level, 'component', OLD.component, 'region_class', OLD.region_class, 'value', OLD.value, 'value_unit', OLD.value_unit, 'effective_from', OLD.effective_from, 'effective_to', OLD.effective_to, 'legal_ref', OLD.legal_ref, 'source_url', OLD.source_url, 'confidence', OLD.confidence),
    json_object('id', NEW.id, 'dataset_id', NEW.dataset_id, 'level', NEW.level, 'component', NEW.component, 'region_class', NEW.region_class, 'value', NEW.value, 'value_unit', NEW.value_unit, 'effective_from', NEW.effective_from, 'effective_to', NEW.effective_to, 'legal_ref', NEW.legal_ref, 'source_url', NEW.source_url, 'confidence', NEW.confidence));
END;

CREATE TRIGGER audit_import_mapping_delete AFTER DELETE ON import_mapping BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'import_mapping', OLD.kind || ':' || OLD.shape_hash,
    json_object('shape_hash', OLD.shape_hash, 'kind', OLD.kind, 'mapping_json', OLD.mapping_json, 'saved_at', OLD.saved_at), NULL);
END;

CREATE TRIGGER audit_import_mapping_insert AFTER INSERT ON import_mapping BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('insert', 'import_mapping', NEW.kind || ':' || NEW.shape_hash, NULL,
    json_object('shape_hash', NEW.shape_hash, 'kind', NEW.kind, 'mapping_json', NEW.mapping_json, 'saved_at', NEW.saved_at));
END;

CREATE TRIGGER audit_import_mapping_update AFTER UPDATE ON import_mapping BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'import_mapping', NEW.kind || ':' || NEW.shape_hash,
    json_object('shape_hash', OLD.shape_hash, 'kind', OLD.kind, 'mapping_json', OLD.mapping_json, 'saved_at', OLD.saved_at),
    json_object('shape_hash', NEW.shape_hash, 'kind', NEW.kind, 'mapping_json', NEW.mapping_json, 'saved_at', NEW.saved_at));
END;

CREATE TRIGGER audit_inclusion_fact_delete AFTER DELETE ON inclusion_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'inclusion_fact', CAST(OLD.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'eligible', OLD.eligible, 'enrolled', OLD.enrolled, 'source_row', OLD.source_row), NULL);
END;

CREATE TRIGGER audit_inclusion_fact_update AFTER UPDATE ON inclusion_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'inclusion_fact', CAST(NEW.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'eligible', OLD.eligible, 'enrolled', OLD.enrolled, 'source_row', OLD.source_row),
    json_object('dataset_id', NEW.dataset_id, 'region_code', NEW.region_code, 'year', NEW.year, 'eligible', NEW.eligible, 'enrolled', NEW.enrolled, 'source_row', NEW.source_row));
END;

CREATE TRIGGER audit_kindergarten_fact_delete AFTER DELETE ON kindergarten_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'kindergarten_fact', CAST(OLD.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'kg_code', OLD.kg_code, 'kg_name', OLD.kg_name, 'ownership', OLD.ownership, 'children', OLD.children, 'grade', OLD.grade, 'source_row', OLD.source_row), NULL);
END;

CREATE TRIGGER audit_kindergarten_fact_update AFTER UPDATE ON kindergarten_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'kindergarten_fact', CAST(NEW.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'kg_code', OLD.kg_code, 'kg_name', OLD.kg_name, 'ownership', OLD.ownership, 'children', OLD.children, 'grade', OLD.grade, 'source_row', OLD.source_row),
    json_object('dataset_id', NEW.dataset_id, 'region_code', NEW.region_code, 'year', NEW.year, 'kg_code', NEW.kg_code, 'kg_name', NEW.kg_name, 'ownership', NEW.ownership, 'children', NEW.children, 'grade', NEW.grade, 'source_row', NEW.source_row));
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only / 审计日志只能追加');
END;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only / 审计日志只能追加');
END;

CREATE TRIGGER audit_region_code_change_delete AFTER DELETE ON region_code_change BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'region_code_change', CAST(OLD.id AS TEXT),
    json_object('id', OLD.id, 'old_code', OLD.old_code, 'new_code', OLD.new_code, 'effective_date', OLD.effective_date, 'kind', OLD.kind, 'share', OLD.share, 'note', OLD.note), NULL);
END;

CREATE TRIGGER audit_region_code_change_insert AFTER INSERT ON region_code_change BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('insert', 'region_code_change', CAST(NEW.id AS TEXT), NULL,
    json_object('id', NEW.id, 'old_code', NEW.old_code, 'new_code', NEW.new_code, 'effective_date', NEW.effective_date, 'kind', NEW.kind, 'share', NEW.share, 'note', NEW.note));
END;

CREATE TRIGGER audit_region_code_change_update AFTER UPDATE ON region_code_change BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'region_code_change', CAST(NEW.id AS TEXT),
    json_object('id', OLD.id, 'old_code', OLD.old_code, 'new_code', OLD.new_code, 'effective_date', OLD.effective_date, 'kind', OLD.kind, 'share', OLD.share, 'note', OLD.note),
    json_object('id', NEW.id, 'old_code', NEW.old_code, 'new_code', NEW.new_code, 'effective_date', NEW.effective_date, 'kind', NEW.kind, 'share', NEW.share, 'note', NEW.note));
END;

CREATE TRIGGER audit_region_delete AFTER DELETE ON region BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'region', OLD.code,
    json_object('code', OLD.code, 'name', OLD.name, 'short_name', OLD.short_name, 'level', OLD.level, 'kind', OLD.kind, 'parent_code', OLD.parent_code, 'dev_tier', OLD.dev_tier, 'urban_rural', OLD.urban_rural, 'valid_from', OLD.valid_from, 'valid_to', OLD.valid_to), NULL);
END;

CREATE TRIGGER audit_region_insert AFTER INSERT ON region BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('insert', 'region', NEW.code, NULL,
    json_object('code', NEW.code, 'name', NEW.name, 'short_name', NEW.short_name, 'level', NEW.level, 'kind', NEW.kind, 'parent_code', NEW.parent_code, 'dev_tier', NEW.dev_tier, 'urban_rural', NEW.urban_rural, 'valid_from', NEW.valid_from, 'valid_to', NEW.valid_to));
END;

CREATE TRIGGER audit_region_update AFTER UPDATE ON region BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'region', NEW.code,
    json_object('code', OLD.code, 'name', OLD.name, 'short_name', OLD.short_name, 'level', OLD.level, 'kind', OLD.kind, 'parent_code', OLD.parent_code, 'dev_tier', OLD.dev_tier, 'urban_rural', OLD.urban_rural, 'valid_from', OLD.valid_from, 'valid_to', OLD.valid_to),
    json_object('code', NEW.code, 'name', NEW.name, 'short_name', NEW.short_name, 'level', NEW.level, 'kind', NEW.kind, 'parent_code', NEW.parent_code, 'dev_tier', NEW.dev_tier, 'urban_rural', NEW.urban_rural, 'valid_from', NEW.valid_from, 'valid_to', NEW.valid_to));
END;

CREATE TRIGGER audit_scenario_delete AFTER DELETE ON scenario BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'scenario', CAST(OLD.id AS TEXT),
    json_object('id', OLD.id, 'region_code', OLD.region_code, 'name', OLD.name, 'is_baseline', OLD.is_baseline, 'overlay', OLD.overlay, 'scores', OLD.scores, 'year', OLD.year, 'params_hash', OLD.params_hash, 'data_hash', OLD.data_hash, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL);
END;

CREATE TRIGGER audit_scenario_insert AFTER INSERT ON scenario BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('insert', 'scenario', CAST(NEW.id AS TEXT), NULL,
    json_object('id', NEW.id, 'region_code', NEW.region_code, 'name', NEW.name, 'is_baseline', NEW.is_baseline, 'overlay', NEW.overlay, 'scores', NEW.scores, 'year', NEW.year, 'params_hash', NEW.params_hash, 'data_hash', NEW.data_hash, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;

CREATE TRIGGER audit_scenario_update AFTER UPDATE ON scenario BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'scenario', CAST(NEW.id AS TEXT),
    json_object('id', OLD.id, 'region_code', OLD.region_code, 'name', OLD.name, 'is_baseline', OLD.is_baseline, 'overlay', OLD.overlay, 'scores', OLD.scores, 'year', OLD.year, 'params_hash', OLD.params_hash, 'data_hash', OLD.data_hash, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    json_object('id', NEW.id, 'region_code', NEW.region_code, 'name', NEW.name, 'is_baseline', NEW.is_baseline, 'overlay', NEW.overlay, 'scores', NEW.scores, 'year', NEW.year, 'params_hash', NEW.params_hash, 'data_hash', NEW.data_hash, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;

CREATE TRIGGER audit_school_fact_delete AFTER DELETE ON school_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'school_fact', CAST(OLD.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'school_code', OLD.school_code, 'section', OLD.section, 'school_name', OLD.school_name, 'school_type', OLD.school_type, 'locale', OLD.locale, 'township', OLD.township, 'pupils', OLD.pupils, 'classes', OLD.classes, 'qualified_teachers', OLD.qualified_teachers, 'key_teachers', OLD.key_teachers, 'pe_art_teachers', OLD.pe_art_teachers, 'teaching_area_dm2', OLD.teaching_area_dm2, 'sports_area_dm2', OLD.sports_area_dm2, 'equipment_fen', OLD.equipment_fen, 'multimedia_rooms', OLD.multimedia_rooms, 'boarders', OLD.boarders, 'special_ed_pupils', OLD.special_ed_pupils, 'teachers', OLD.teachers, 'bachelor_teachers', OLD.bachelor_teachers, 'source_row', OLD.source_row), NULL);
END;

CREATE TRIGGER audit_school_fact_update AFTER UPDATE ON school_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'school_fact', CAST(NEW.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'school_code', OLD.school_code, 'section', OLD.section, 'school_name', OLD.school_name, 'school_type', OLD.school_type, 'locale', OLD.locale, 'township', OLD.township, 'pupils', OLD.pupils, 'classes', OLD.classes, 'qualified_teachers', OLD.qualified_teachers, 'key_teachers', OLD.key_teachers, 'pe_art_teachers', OLD.pe_art_teachers, 'teaching_area_dm2', OLD.teaching_area_dm2, 'sports_area_dm2', OLD.sports_area_dm2, 'equipment_fen', OLD.equipment_fen, 'multimedia_rooms', OLD.multimedia_rooms, 'boarders', OLD.boarders, 'special_ed_pupils', OLD.special_ed_pupils, 'teachers', OLD.teachers, 'bachelor_teachers', OLD.bachelor_teachers, 'source_row', OLD.source_row),
    json_object('dataset_id', NEW.dataset_id, 'region_code', NEW.region_code, 'year', NEW.year, 'school_code', NEW.school_code, 'section', NEW.section, 'school_name', NEW.school_name, 'school_type', NEW.school_type, 'locale', NEW.locale, 'township', NEW.township, 'pupils', NEW.pupils, 'classes', NEW.classes, 'qualified_teachers', NEW.qualified_teachers, 'key_teachers', NEW.key_teachers, 'pe_art_teachers', NEW.pe_art_teachers, 'teaching_area_dm2', NEW.teaching_area_dm2, 'sports_area_dm2', NEW.sports_area_dm2, 'equipment_fen', NEW.equipment_fen, 'multimedia_rooms', NEW.multimedia_rooms, 'boarders', NEW.boarders, 'special_ed_pupils', NEW.special_ed_pupils, 'teachers', NEW.teachers, 'bachelor_teachers', NEW.bachelor_teachers, 'source_row', NEW.source_row));
END;

CREATE TRIGGER audit_setting_delete AFTER DELETE ON setting BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'setting', OLD.key,
    json_object('key', OLD.key, 'value', OLD.value), NULL);
END;

CREATE TRIGGER audit_setting_insert AFTER INSERT ON setting BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('insert', 'setting', NEW.key, NULL,
    json_object('key', NEW.key, 'value', NEW.value));
END;

CREATE TRIGGER audit_setting_update AFTER UPDATE ON setting BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'setting', NEW.key,
    json_object('key', OLD.key, 'value', OLD.value),
    json_object('key', NEW.key, 'value', NEW.value));
END;
