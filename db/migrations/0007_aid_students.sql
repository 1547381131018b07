-- 0007 student aid (学生资助): a dataset kind for the counts bureaus keep — identified students from
-- families in financial difficulty by level and category, those funded, boarders, the approved
-- fees and the budgeted amounts — and its fact table.
--
-- SQLite cannot widen a CHECK in place, so `dataset` is rebuilt (migrate.ts runs migrations with
-- foreign-key enforcement off and checks every foreign key afterwards). Columns, constraints,
-- indexes and audit triggers are as they were, with 'aid' added to the kinds.

CREATE TABLE dataset_rebuilt (
  id                INTEGER PRIMARY KEY,
  name              TEXT NOT NULL CHECK (length(name) > 0),
  kind              TEXT NOT NULL CHECK (kind IN ('expenditure', 'enrolment', 'fiscal', 'standard', 'bulletin', 'regions', 'region_changes', 'aid')),
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
  note              TEXT,
  mapping_json      TEXT,
  mapping_hash      TEXT CHECK (mapping_hash IS NULL OR length(mapping_hash) = 64),
  encoding          TEXT CHECK (encoding IS NULL OR encoding IN ('utf-8', 'gb18030')),
  CHECK (kind <> 'expenditure' OR (basis IS NOT NULL AND scope IS NOT NULL))
) STRICT;
INSERT INTO dataset_rebuilt (id, name, kind, source_file_name, sha256, sheet, imported_at, unit, basis, scope, release_stage, row_count, synthetic, supersedes_id, note, mapping_json, mapping_hash, encoding)
  SELECT id, name, kind, source_file_name, sha256, sheet, imported_at, unit, basis, scope, release_stage, row_count, synthetic, supersedes_id, note, mapping_json, mapping_hash, encoding FROM dataset;
DROP TABLE dataset;
ALTER TABLE dataset_rebuilt RENAME TO dataset;
CREATE INDEX dataset_by_name ON dataset(kind, name);
CREATE INDEX dataset_by_sha ON dataset(sha256);

CREATE TRIGGER audit_dataset_insert AFTER INSERT ON dataset BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('insert', 'dataset', CAST(NEW.id AS TEXT), NULL,
    json_object('id', NEW.id, 'name', NEW.name, 'kind', NEW.kind, 'source_file_name', NEW.source_file_name, 'sha256', NEW.sha256, 'sheet', NEW.sheet, 'imported_at', NEW.imported_at, 'unit', NEW.unit, 'basis', NEW.basis, 'scope', NEW.scope, 'release_stage', NEW.release_stage, 'row_count', NEW.row_count, 'synthetic', NEW.synthetic, 'supersedes_id', NEW.supersedes_id, 'note', NEW.note, 'mapping_json', NEW.mapping_json, 'mapping_hash', NEW.mapping_hash, 'encoding', NEW.encoding));
END;

CREATE TRIGGER audit_dataset_update AFTER UPDATE ON dataset BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'dataset', CAST(NEW.id AS TEXT),
    json_object('id', OLD.id, 'name', OLD.name, 'kind', OLD.kind, 'source_file_name', OLD.source_file_name, 'sha256', OLD.sha256, 'sheet', OLD.sheet, 'imported_at', OLD.imported_at, 'unit', OLD.unit, 'basis', OLD.basis, 'scope', OLD.scope, 'release_stage', OLD.release_stage, 'row_count', OLD.row_count, 'synthetic', OLD.synthetic, 'supersedes_id', OLD.supersedes_id, 'note', OLD.note, 'mapping_json', OLD.mapping_json, 'mapping_hash', OLD.mapping_hash, 'encoding', OLD.encoding),
    json_object('id', NEW.id, 'name', NEW.name, 'kind', NEW.kind, 'source_file_name', NEW.source_file_name, 'sha256', NEW.sha256, 'sheet', NEW.sheet, 'imported_at', NEW.imported_at, 'unit', NEW.unit, 'basis', NEW.basis, 'scope', NEW.scope, 'release_stage', NEW.release_stage, 'row_count', NEW.row_count, 'synthetic', NEW.synthetic, 'supersedes_id', NEW.supersedes_id, 'note', NEW.note, 'mapping_json', NEW.mapping_json, 'mapping_hash', NEW.mapping_hash, 'encoding', NEW.encoding));
END;

CREATE TRIGGER audit_dataset_delete AFTER DELETE ON dataset BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'dataset', CAST(OLD.id AS TEXT),
    json_object('id', OLD.id, 'name', OLD.name, 'kind', OLD.kind, 'source_file_name', OLD.source_file_name, 'sha256', OLD.sha256, 'sheet', OLD.sheet, 'imported_at', OLD.imported_at, 'unit', OLD.unit, 'basis', OLD.basis, 'scope', OLD.scope, 'release_stage', OLD.release_stage, 'row_count', OLD.row_count, 'synthetic', OLD.synthetic, 'supersedes_id', OLD.supersedes_id, 'note', OLD.note, 'mapping_json', OLD.mapping_json, 'mapping_hash', OLD.mapping_hash, 'encoding', OLD.encoding), NULL);
END;

-- One row per (region, year, level, category, measure). Counts are persons; approved_fee and
-- budget are 分 (approved_fee per student per year).
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
CREATE INDEX aid_by_region_year ON aid_fact(region_code, year);

CREATE TRIGGER audit_aid_fact_update AFTER UPDATE ON aid_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'aid_fact', CAST(NEW.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'category', OLD.category, 'item', OLD.item, 'measure', OLD.measure, 'value', OLD.value, 'source_row', OLD.source_row),
    json_object('dataset_id', NEW.dataset_id, 'region_code', NEW.region_code, 'year', NEW.year, 'level', NEW.level, 'category', NEW.category, 'item', NEW.item, 'measure', NEW.measure, 'value', NEW.value, 'source_row', NEW.source_row));
END;

CREATE TRIGGER audit_aid_fact_delete AFTER DELETE ON aid_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'aid_fact', CAST(OLD.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'category', OLD.category, 'item', OLD.item, 'measure', OLD.measure, 'value', OLD.value, 'source_row', OLD.source_row), NULL);
END;
