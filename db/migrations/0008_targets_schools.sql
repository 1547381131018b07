-- The plan's targets and the 优质均衡 assessment need school-level data: schools (one row per
-- section), kindergartens, county certifications and the enrolment of disabled children. Four new
-- dataset kinds; SQLite cannot widen a CHECK in place, so the dataset table is rebuilt with the
-- same rows (its audit triggers recreated unchanged; the copy itself is not an audited change).
-- Order matters: the rows go back into the new table after the old one is dropped, so that each
-- insert settles the deferred foreign-key count the drop raised for the facts that reference it.

PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE dataset_copy AS SELECT * FROM dataset;
DROP TABLE dataset;

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


INSERT INTO dataset SELECT * FROM temp.dataset_copy;
DROP TABLE temp.dataset_copy;
CREATE INDEX dataset_by_sha ON dataset(sha256);
CREATE INDEX dataset_by_name ON dataset(kind, name);

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

CREATE TRIGGER audit_school_fact_update AFTER UPDATE ON school_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'school_fact', CAST(NEW.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'school_code', OLD.school_code, 'section', OLD.section, 'school_name', OLD.school_name, 'school_type', OLD.school_type, 'locale', OLD.locale, 'township', OLD.township, 'pupils', OLD.pupils, 'classes', OLD.classes, 'qualified_teachers', OLD.qualified_teachers, 'key_teachers', OLD.key_teachers, 'pe_art_teachers', OLD.pe_art_teachers, 'teaching_area_dm2', OLD.teaching_area_dm2, 'sports_area_dm2', OLD.sports_area_dm2, 'equipment_fen', OLD.equipment_fen, 'multimedia_rooms', OLD.multimedia_rooms, 'boarders', OLD.boarders, 'special_ed_pupils', OLD.special_ed_pupils, 'teachers', OLD.teachers, 'bachelor_teachers', OLD.bachelor_teachers, 'source_row', OLD.source_row),
    json_object('dataset_id', NEW.dataset_id, 'region_code', NEW.region_code, 'year', NEW.year, 'school_code', NEW.school_code, 'section', NEW.section, 'school_name', NEW.school_name, 'school_type', NEW.school_type, 'locale', NEW.locale, 'township', NEW.township, 'pupils', NEW.pupils, 'classes', NEW.classes, 'qualified_teachers', NEW.qualified_teachers, 'key_teachers', NEW.key_teachers, 'pe_art_teachers', NEW.pe_art_teachers, 'teaching_area_dm2', NEW.teaching_area_dm2, 'sports_area_dm2', NEW.sports_area_dm2, 'equipment_fen', NEW.equipment_fen, 'multimedia_rooms', NEW.multimedia_rooms, 'boarders', NEW.boarders, 'special_ed_pupils', NEW.special_ed_pupils, 'teachers', NEW.teachers, 'bachelor_teachers', NEW.bachelor_teachers, 'source_row', NEW.source_row));
END;

CREATE TRIGGER audit_school_fact_delete AFTER DELETE ON school_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'school_fact', CAST(OLD.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'school_code', OLD.school_code, 'section', OLD.section, 'school_name', OLD.school_name, 'school_type', OLD.school_type, 'locale', OLD.locale, 'township', OLD.township, 'pupils', OLD.pupils, 'classes', OLD.classes, 'qualified_teachers', OLD.qualified_teachers, 'key_teachers', OLD.key_teachers, 'pe_art_teachers', OLD.pe_art_teachers, 'teaching_area_dm2', OLD.teaching_area_dm2, 'sports_area_dm2', OLD.sports_area_dm2, 'equipment_fen', OLD.equipment_fen, 'multimedia_rooms', OLD.multimedia_rooms, 'boarders', OLD.boarders, 'special_ed_pupils', OLD.special_ed_pupils, 'teachers', OLD.teachers, 'bachelor_teachers', OLD.bachelor_teachers, 'source_row', OLD.source_row), NULL);
END;

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

CREATE TRIGGER audit_kindergarten_fact_update AFTER UPDATE ON kindergarten_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'kindergarten_fact', CAST(NEW.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'kg_code', OLD.kg_code, 'kg_name', OLD.kg_name, 'ownership', OLD.ownership, 'children', OLD.children, 'grade', OLD.grade, 'source_row', OLD.source_row),
    json_object('dataset_id', NEW.dataset_id, 'region_code', NEW.region_code, 'year', NEW.year, 'kg_code', NEW.kg_code, 'kg_name', NEW.kg_name, 'ownership', NEW.ownership, 'children', NEW.children, 'grade', NEW.grade, 'source_row', NEW.source_row));
END;

CREATE TRIGGER audit_kindergarten_fact_delete AFTER DELETE ON kindergarten_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'kindergarten_fact', CAST(OLD.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'kg_code', OLD.kg_code, 'kg_name', OLD.kg_name, 'ownership', OLD.ownership, 'children', OLD.children, 'grade', OLD.grade, 'source_row', OLD.source_row), NULL);
END;

CREATE TABLE county_attainment_fact (
  dataset_id    INTEGER NOT NULL REFERENCES dataset(id),
  region_code   TEXT NOT NULL REFERENCES region(code),
  -- the year the county was certified
  year          INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  attainment    TEXT NOT NULL CHECK (attainment IN ('basic_balance', 'quality_balance', 'preschool_universal')),
  source_row    INTEGER,
  PRIMARY KEY (dataset_id, region_code, year, attainment)
) STRICT;

CREATE TRIGGER audit_county_attainment_fact_update AFTER UPDATE ON county_attainment_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'county_attainment_fact', CAST(NEW.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'attainment', OLD.attainment, 'source_row', OLD.source_row),
    json_object('dataset_id', NEW.dataset_id, 'region_code', NEW.region_code, 'year', NEW.year, 'attainment', NEW.attainment, 'source_row', NEW.source_row));
END;

CREATE TRIGGER audit_county_attainment_fact_delete AFTER DELETE ON county_attainment_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'county_attainment_fact', CAST(OLD.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'attainment', OLD.attainment, 'source_row', OLD.source_row), NULL);
END;

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

CREATE TRIGGER audit_inclusion_fact_update AFTER UPDATE ON inclusion_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'inclusion_fact', CAST(NEW.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'eligible', OLD.eligible, 'enrolled', OLD.enrolled, 'source_row', OLD.source_row),
    json_object('dataset_id', NEW.dataset_id, 'region_code', NEW.region_code, 'year', NEW.year, 'eligible', NEW.eligible, 'enrolled', NEW.enrolled, 'source_row', NEW.source_row));
END;

CREATE TRIGGER audit_inclusion_fact_delete AFTER DELETE ON inclusion_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'inclusion_fact', CAST(OLD.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'eligible', OLD.eligible, 'enrolled', OLD.enrolled, 'source_row', OLD.source_row), NULL);
END;

CREATE INDEX school_fact_by_region ON school_fact(region_code, year);
