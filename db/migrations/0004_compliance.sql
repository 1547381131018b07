-- 0004 compliance (issue #4): analysts' justifications attached to rule results, and the indexes
-- the rule engine's set-based queries walk (regions of one level, the crosswalk by successor).

-- A note on one result (rule × region × year × education level × scope). The result itself is
-- never changed by it: a failure with a note is still a failure, and the note travels with it into
-- every view and export.
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
CREATE INDEX compliance_annotation_by_result ON compliance_annotation(region_code, year, rule);

CREATE INDEX region_by_level ON region(level, code);
CREATE INDEX region_change_by_new ON region_code_change(new_code);

-- The facts of one dataset packed column-wise for the rule engine. Datasets never change after
-- import, so a check reads one blob per dataset instead of hundreds of thousands of rows; the pack
-- is made on first use. Keyed by id and SHA-256, so a reused id can never match an old pack.
-- codes/keys: JSON arrays the packed rows index into (region codes; level, level|measure or indicator).
CREATE TABLE fact_columns (
  dataset_id  INTEGER PRIMARY KEY REFERENCES dataset(id) ON DELETE CASCADE,
  sha256      TEXT NOT NULL,
  row_count   INTEGER NOT NULL CHECK (row_count >= 0),
  codes       TEXT NOT NULL,
  keys        TEXT NOT NULL,
  data        BLOB NOT NULL
) STRICT;
