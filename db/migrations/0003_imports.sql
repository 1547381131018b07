-- 0003 imports: how each dataset was read (mapping), bulletin tables with printed growth, saved
-- column mappings per file shape, and reconciliation results.

-- The mapping a dataset was imported with, and its hash: re-importing the same bytes with the same
-- mapping is recognised as "already imported".
ALTER TABLE dataset ADD COLUMN mapping_json TEXT;
ALTER TABLE dataset ADD COLUMN mapping_hash TEXT CHECK (mapping_hash IS NULL OR length(mapping_hash) = 64);
-- Text encoding of a CSV source (utf-8 | gb18030), NULL for spreadsheets and generated data.
ALTER TABLE dataset ADD COLUMN encoding TEXT CHECK (encoding IS NULL OR encoding IN ('utf-8', 'gb18030'));
CREATE INDEX dataset_by_sha ON dataset(sha256);
CREATE INDEX dataset_by_name ON dataset(kind, name);

-- A statistical bulletin (统计公告) table: levels with the growth the bulletin printed, kept beside
-- the levels and never recomputed (docs/domain.md#edge-cases item 2, §7). `comparable` = the growth is stated
-- 同口径 against a restated prior-year base, which is stored when published or derivable.
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

-- Column mappings remembered per file shape (normalised header + kind), offered again next time.
CREATE TABLE import_mapping (
  shape_hash    TEXT NOT NULL CHECK (length(shape_hash) = 64),
  kind          TEXT NOT NULL,
  mapping_json  TEXT NOT NULL,
  saved_at      TEXT NOT NULL,
  PRIMARY KEY (shape_hash, kind)
) STRICT;

-- Control totals checked at import: a total row of the file, or a published figure given by the user.
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
