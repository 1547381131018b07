-- 0009 published figures checked at import: the other figures a bulletin table prints beside 本年
-- (上年, shares, growth of revenue, growth gaps), kept exactly as printed, and the warnings an
-- import reported (a growth its own figures do not give, two columns that look swapped, hidden
-- content …), so that check results can list them with the dataset they concern.

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

CREATE TRIGGER audit_bulletin_published_update AFTER UPDATE ON bulletin_published BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'bulletin_published', CAST(NEW.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'measure', OLD.measure, 'field', OLD.field, 'printed', OLD.printed, 'source_row', OLD.source_row),
    json_object('dataset_id', NEW.dataset_id, 'region_code', NEW.region_code, 'year', NEW.year, 'level', NEW.level, 'measure', NEW.measure, 'field', NEW.field, 'printed', NEW.printed, 'source_row', NEW.source_row));
END;

CREATE TRIGGER audit_bulletin_published_delete AFTER DELETE ON bulletin_published BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'bulletin_published', CAST(OLD.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'region_code', OLD.region_code, 'year', OLD.year, 'level', OLD.level, 'measure', OLD.measure, 'field', OLD.field, 'printed', OLD.printed, 'source_row', OLD.source_row), NULL);
END;

CREATE TRIGGER audit_dataset_finding_update AFTER UPDATE ON dataset_finding BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('update', 'dataset_finding', CAST(NEW.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'seq', OLD.seq, 'code', OLD.code, 'message', OLD.message),
    json_object('dataset_id', NEW.dataset_id, 'seq', NEW.seq, 'code', NEW.code, 'message', NEW.message));
END;

CREATE TRIGGER audit_dataset_finding_delete AFTER DELETE ON dataset_finding BEGIN
  INSERT INTO audit_append (action, entity, entity_id, before, after) VALUES ('delete', 'dataset_finding', CAST(OLD.dataset_id AS TEXT),
    json_object('dataset_id', OLD.dataset_id, 'seq', OLD.seq, 'code', OLD.code, 'message', OLD.message), NULL);
END;
