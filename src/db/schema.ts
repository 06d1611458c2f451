import { SHOWN_SQL } from './shown';

// The canonical tables every feature reads (through the `shown` views of db/shown.ts). Imports land here whole (see ingest/) or not at all.
// Every data table carries dataset_id, so a dataset can be listed, replaced or deleted as one.

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS datasets (
  id          VARCHAR PRIMARY KEY,
  kind        VARCHAR NOT NULL,   -- index_scores | par_criteria | par_scores | sipas_responses | sipas_items | units | commune_merger | table
  file_name   VARCHAR NOT NULL,
  row_count   BIGINT  NOT NULL,   -- rows of the source file
  coverage    VARCHAR,            -- years or periods covered, e.g. "2011–2024", "2024-Q1–2026-Q3"
  imported_at TIMESTAMP NOT NULL,
  is_demo     BOOLEAN NOT NULL DEFAULT false,
  source      VARCHAR,
  table_name  VARCHAR             -- for kind 'table': the DuckDB table analysts query
);
CREATE TABLE IF NOT EXISTS index_scores (
  dataset_id VARCHAR NOT NULL,
  index_code VARCHAR NOT NULL,    -- PAR | SIPAS | PAPI | PCI | DTI
  year       INTEGER NOT NULL,
  unit_code  VARCHAR NOT NULL,
  unit_name  VARCHAR,
  component  VARCHAR NOT NULL,    -- '' = the overall score; else a component code (PAPI: SC11…SC83)
  score      DOUBLE,
  max_score  DOUBLE,
  rank       INTEGER,
  rank_of    INTEGER,
  source     VARCHAR
);
CREATE TABLE IF NOT EXISTS par_criteria (
  dataset_id VARCHAR NOT NULL,
  year       INTEGER NOT NULL,
  code       VARCHAR NOT NULL,    -- '3' lĩnh vực, '3.2' tiêu chí, '3.2.1' tiêu chí thành phần; parent = code without its last part
  name       VARCHAR NOT NULL,
  max_points DOUBLE  NOT NULL
);
CREATE TABLE IF NOT EXISTS par_scores (
  dataset_id      VARCHAR NOT NULL,
  year            INTEGER NOT NULL,
  unit_code       VARCHAR NOT NULL,
  unit_name       VARCHAR,
  criterion_code  VARCHAR NOT NULL,
  applicable      BOOLEAN NOT NULL DEFAULT true,  -- false: "không áp dụng" / N/A for this unit
  self_score      DOUBLE,          -- NULL = not scored yet
  appraised_score DOUBLE,          -- NULL = not appraised yet
  evidence        VARCHAR,
  note            VARCHAR,
  edited_at       TIMESTAMP        -- set when the value was typed in the app, not imported
);
CREATE TABLE IF NOT EXISTS sipas_counts (
  -- Answers counted per period, unit, item and answer level: every rate, interval and roll-up is a sum over these.
  dataset_id VARCHAR NOT NULL,
  year       SMALLINT NOT NULL,
  half       TINYINT,              -- 1 | 2, NULL when the response only names a year
  quarter    TINYINT,              -- 1..4, NULL when the response only names a year or a half
  unit_code  VARCHAR NOT NULL,     -- service point or unit
  item_code  VARCHAR NOT NULL,     -- as written in the file's header, e.g. TC2.3
  element    TINYINT NOT NULL,     -- 1..5
  answer     TINYINT NOT NULL,     -- 1..5
  n          BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS sipas_sheets (
  -- Respondents (phiếu) per period and unit, including those who left every item blank.
  dataset_id  VARCHAR NOT NULL,
  year        SMALLINT NOT NULL,
  half        TINYINT,
  quarter     TINYINT,
  unit_code   VARCHAR NOT NULL,
  respondents BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS sipas_items (
  dataset_id VARCHAR NOT NULL,
  item_code  VARCHAR NOT NULL,
  element    TINYINT NOT NULL,
  text       VARCHAR
);
CREATE TABLE IF NOT EXISTS units (
  dataset_id  VARCHAR NOT NULL,
  unit_code   VARCHAR NOT NULL,
  unit_name   VARCHAR NOT NULL,
  type        VARCHAR,
  parent_code VARCHAR
);
-- A commune crosswalk the user loaded; for the provinces it covers it replaces the shipped one (data/ref/communes_2025.json).
CREATE TABLE IF NOT EXISTS commune_merger (
  dataset_id      VARCHAR NOT NULL,
  province        VARCHAR NOT NULL, -- one of the 34 provinces from 1/7/2025
  new_commune     VARCHAR NOT NULL, -- as the crosswalk names it (no type prefix needed)
  former_communes VARCHAR NOT NULL  -- "Xã A, Thị trấn B (huyện C), …" or "Không sáp nhập"
);
CREATE TABLE IF NOT EXISTS ref_provinces (
  old_province   VARCHAR NOT NULL, -- one of the 63 provinces before 1/7/2025
  papi_code      VARCHAR,          -- P01…P63 in the PAPI files
  new_unit       VARCHAR NOT NULL, -- the province (of 34) it became part of
  new_unit_type  VARCHAR
);
${SHOWN_SQL}`;

/** Tables whose rows belong to datasets (deleted and persisted per dataset). */
export const DATA_TABLES = ['index_scores', 'par_criteria', 'par_scores', 'sipas_counts', 'sipas_sheets', 'sipas_items', 'units', 'commune_merger'] as const;
