-- 0006 audit trail (issue #7): every change to data, scenarios, annotations and settings is
-- appended to audit_log by triggers, in the same transaction as the change, with who (the OS user),
-- when, what and the row before and after. Entries are hash-chained: each hash covers the entry and
-- the previous entry's hash, so editing, inserting or deleting an entry later breaks the chain at
-- that point (`wb audit verify`).
--
-- The hash and the actor come from two functions the workbench registers on every connection
-- (db/audit/functions.ts). A connection without them — say, the sqlite3 shell — cannot change an
-- audited table at all: its triggers fail with "no such function", so nothing changes unlogged
-- unless somebody drops the triggers, which the state check of `wb audit verify` then reveals.
--
-- Facts are logged when updated or deleted (never expected: datasets are immutable); their insert is
-- the import, logged through the dataset row (file name, SHA-256, fact count).
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
CREATE INDEX audit_log_by_entity ON audit_log(entity, entity_id, seq);

-- Appending goes through this view so that numbering, time, actor and hashing live in one place.
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

-- The log is append-only for the workbench itself.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only / 审计日志只能追加');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only / 审计日志只能追加');
END;

-- The first entry records what the database held when logging began: the ids of the rows that
-- therefore have no insert entry (reference regions from 0002 are counted, not listed).
INSERT INTO audit_append (action, entity, entity_id, before, after)
SELECT 'genesis', 'database', NULL, NULL, json_object(
  'regions', (SELECT count(*) FROM region),
  'dataset', (SELECT json_group_array(CAST(id AS TEXT)) FROM (SELECT id FROM dataset ORDER BY id)),
  'scenario', (SELECT json_group_array(CAST(id AS TEXT)) FROM (SELECT id FROM scenario ORDER BY id)),
  'compliance_annotation', (SELECT json_group_array(CAST(id AS TEXT)) FROM (SELECT id FROM compliance_annotation ORDER BY id)),
  'setting', (SELECT json_group_array(key) FROM (SELECT key FROM setting ORDER BY key)));

-- Generated from PRAGMA table_info: every column, in table order (db/audit/audit.test.ts checks
-- that each trigger still covers every column after later migrations).
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

CREATE TRIGGER audit_scenario_insert AFTER INSERT ON scenario BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('insert', 'scenario', CAST(NEW.id AS TEXT), NULL,
    json_object('id', NEW.id, 'region_code', NEW.region_code, 'name', NEW.name, 'is_baseline', NEW.is_baseline, 'overlay', NEW.overlay, 'scores', NEW.scores, 'year', NEW.year, 'params_hash', NEW.params_hash, 'data_hash', NEW.data_hash, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;

CREATE TRIGGER audit_scenario_update AFTER UPDATE ON scenario BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'scenario', CAST(NEW.id AS TEXT),
    json_object('id', OLD.id, 'region_code', OLD.region_code, 'name', OLD.name, 'is_baseline', OLD.is_baseline, 'overlay', OLD.overlay, 'scores', OLD.scores, 'year', OLD.year, 'params_hash', OLD.params_hash, 'data_hash', OLD.data_hash, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
    json_object('id', NEW.id, 'region_code', NEW.region_code, 'name', NEW.name, 'is_baseline', NEW.is_baseline, 'overlay', NEW.overlay, 'scores', NEW.scores, 'year', NEW.year, 'params_hash', NEW.params_hash, 'data_hash', NEW.data_hash, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;

CREATE TRIGGER audit_scenario_delete AFTER DELETE ON scenario BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'scenario', CAST(OLD.id AS TEXT),
    json_object('id', OLD.id, 'region_code', OLD.region_code, 'name', OLD.name, 'is_baseline', OLD.is_baseline, 'overlay', OLD.overlay, 'scores', OLD.scores, 'year', OLD.year, 'params_hash', OLD.params_hash, 'data_hash', OLD.data_hash, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL);
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

CREATE TRIGGER audit_compliance_annotation_delete AFTER DELETE ON compliance_annotation BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'compliance_annotation', CAST(OLD.id AS TEXT),
    json_object('id', OLD.id, 'rule', OLD.rule, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'scope', OLD.scope, 'text', OLD.text, 'author', OLD.author, 'created_at', OLD.created_at), NULL);
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

CREATE TRIGGER audit_setting_delete AFTER DELETE ON setting BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'setting', OLD.key,
    json_object('key', OLD.key, 'value', OLD.value), NULL);
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

CREATE TRIGGER audit_import_mapping_delete AFTER DELETE ON import_mapping BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'import_mapping', OLD.kind || ':' || OLD.shape_hash,
    json_object('shape_hash', OLD.shape_hash, 'kind', OLD.kind, 'mapping_json', OLD.mapping_json, 'saved_at', OLD.saved_at), NULL);
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

CREATE TRIGGER audit_funding_standard_delete AFTER DELETE ON funding_standard BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'funding_standard', CAST(OLD.id AS TEXT),
    json_object('id', OLD.id, 'dataset_id', OLD.dataset_id, 'level', OLD.level, 'component', OLD.component, 'region_class', OLD.region_class, 'value', OLD.value, 'value_unit', OLD.value_unit, 'effective_from', OLD.effective_from, 'effective_to', OLD.effective_to, 'legal_ref', OLD.legal_ref, 'source_url', OLD.source_url, 'confidence', OLD.confidence), NULL);
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

CREATE TRIGGER audit_region_delete AFTER DELETE ON region BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'region', OLD.code,
    json_object('code', OLD.code, 'name', OLD.name, 'short_name', OLD.short_name, 'level', OLD.level, 'kind', OLD.kind, 'parent_code', OLD.parent_code, 'dev_tier', OLD.dev_tier, 'urban_rural', OLD.urban_rural, 'valid_from', OLD.valid_from, 'valid_to', OLD.valid_to), NULL);
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

CREATE TRIGGER audit_region_code_change_delete AFTER DELETE ON region_code_change BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'region_code_change', CAST(OLD.id AS TEXT),
    json_object('id', OLD.id, 'old_code', OLD.old_code, 'new_code', OLD.new_code, 'effective_date', OLD.effective_date, 'kind', OLD.kind, 'share', OLD.share, 'note', OLD.note), NULL);
END;

CREATE TRIGGER audit_expenditure_fact_update AFTER UPDATE ON expenditure_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'expenditure_fact', CAST(NEW.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'func_code', OLD.func_code, 'amount_fen', OLD.amount_fen, 'restated_prior_fen', OLD.restated_prior_fen, 'official_growth', OLD.official_growth, 'source_row', OLD.source_row),
    json_object('dataset_id', NEW.dataset_id, 'region_code', NEW.region_code, 'year', NEW.year, 'level', NEW.level, 'func_code', NEW.func_code, 'amount_fen', NEW.amount_fen, 'restated_prior_fen', NEW.restated_prior_fen, 'official_growth', NEW.official_growth, 'source_row', NEW.source_row));
END;

CREATE TRIGGER audit_expenditure_fact_delete AFTER DELETE ON expenditure_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'expenditure_fact', CAST(OLD.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'func_code', OLD.func_code, 'amount_fen', OLD.amount_fen, 'restated_prior_fen', OLD.restated_prior_fen, 'official_growth', OLD.official_growth, 'source_row', OLD.source_row), NULL);
END;

CREATE TRIGGER audit_enrolment_fact_update AFTER UPDATE ON enrolment_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'enrolment_fact', CAST(NEW.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'students', OLD.students, 'count_basis', OLD.count_basis, 'source_row', OLD.source_row),
    json_object('dataset_id', NEW.dataset_id, 'region_code', NEW.region_code, 'year', NEW.year, 'level', NEW.level, 'students', NEW.students, 'count_basis', NEW.count_basis, 'source_row', NEW.source_row));
END;

CREATE TRIGGER audit_enrolment_fact_delete AFTER DELETE ON enrolment_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'enrolment_fact', CAST(OLD.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'students', OLD.students, 'count_basis', OLD.count_basis, 'source_row', OLD.source_row), NULL);
END;

CREATE TRIGGER audit_fiscal_fact_update AFTER UPDATE ON fiscal_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'fiscal_fact', CAST(NEW.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'indicator', OLD.indicator, 'value', OLD.value, 'source_row', OLD.source_row),
    json_object('dataset_id', NEW.dataset_id, 'region_code', NEW.region_code, 'year', NEW.year, 'indicator', NEW.indicator, 'value', NEW.value, 'source_row', NEW.source_row));
END;

CREATE TRIGGER audit_fiscal_fact_delete AFTER DELETE ON fiscal_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'fiscal_fact', CAST(OLD.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'indicator', OLD.indicator, 'value', OLD.value, 'source_row', OLD.source_row), NULL);
END;

CREATE TRIGGER audit_bulletin_fact_update AFTER UPDATE ON bulletin_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'bulletin_fact', CAST(NEW.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'measure', OLD.measure, 'amount_fen', OLD.amount_fen, 'official_growth', OLD.official_growth, 'comparable', OLD.comparable, 'restated_prior_fen', OLD.restated_prior_fen, 'source_row', OLD.source_row),
    json_object('dataset_id', NEW.dataset_id, 'region_code', NEW.region_code, 'year', NEW.year, 'level', NEW.level, 'measure', NEW.measure, 'amount_fen', NEW.amount_fen, 'official_growth', NEW.official_growth, 'comparable', NEW.comparable, 'restated_prior_fen', NEW.restated_prior_fen, 'source_row', NEW.source_row));
END;

CREATE TRIGGER audit_bulletin_fact_delete AFTER DELETE ON bulletin_fact BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'bulletin_fact', CAST(OLD.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'measure', OLD.measure, 'amount_fen', OLD.amount_fen, 'official_growth', OLD.official_growth, 'comparable', OLD.comparable, 'restated_prior_fen', OLD.restated_prior_fen, 'source_row', OLD.source_row), NULL);
END;
