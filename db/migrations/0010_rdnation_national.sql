-- 全国 (000000) becomes a region: national bulletins and yearbook rows named 全国 / 全国合计 / 中国
-- are the whole country's own figures, stored against it like any region's. It is the root above
-- the provinces; the provinces keep parent_code NULL (the tree reads 000000 as their parent), so
-- nothing that walks parents changes. SQLite cannot widen a CHECK in place, so the region table is
-- rebuilt with the same rows (as 0008 rebuilt dataset), its audit triggers recreated unchanged
-- after the copy (neither the copy nor the 全国 reference row is an audited change).

PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE region_copy AS SELECT * FROM region;
DROP TABLE region;

CREATE TABLE region (
  code         TEXT PRIMARY KEY CHECK (code GLOB '[1-9][0-9][0-9][0-9][0-9][0-9]' OR code = '000000'),
  name         TEXT NOT NULL CHECK (length(name) > 0),
  short_name   TEXT NOT NULL CHECK (length(short_name) > 0),
  level        TEXT NOT NULL CHECK (level IN ('national', 'province', 'prefecture', 'county')),
  -- What kind of unit it is: 全国, 省/自治区/直辖市, 地级市/地区/自治州/盟, 市辖区/县/县级市/旗 …
  kind         TEXT NOT NULL CHECK (kind IN (
                 'nation',
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
  CHECK ((level IN ('national', 'province')) = (parent_code IS NULL)),
  CHECK ((level = 'national') = (code = '000000')),
  CHECK ((level = 'national') = (kind = 'nation')),
  CHECK (level <> 'province' OR code GLOB '[1-9][0-9]0000'),
  CHECK (level <> 'prefecture' OR code GLOB '[1-9][0-9][0-9][0-9]00'),
  CHECK (level <> 'county' OR code NOT GLOB '*00'),
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to > valid_from)
) STRICT;

INSERT INTO region SELECT * FROM temp.region_copy;
DROP TABLE temp.region_copy;
-- Reference data like 0002's regions: written before the triggers, so not an audited insert.
INSERT INTO region (code, name, short_name, level, kind, parent_code, dev_tier, urban_rural, valid_from, valid_to)
VALUES ('000000', '全国', '全国', 'national', 'nation', NULL, NULL, NULL, NULL, NULL);
CREATE INDEX region_by_level ON region(level, code);
CREATE INDEX region_parent ON region(parent_code);

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


