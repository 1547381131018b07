-- 0005 transfer scenarios (issue #5): the allocation rule's baseline is the built-in, effective-
-- dated parameter set (core/transfer/parameters.ts) and is never edited; a scenario is an overlay
-- on it — a JSON list of {key, value, from, to} — plus optional difficulty scores. Each save
-- records the hash of the resolved parameters and of the data it was evaluated on, so a result
-- can be reproduced and a later change of data is visible.
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
CREATE UNIQUE INDEX scenario_one_baseline ON scenario(region_code) WHERE is_baseline = 1;
