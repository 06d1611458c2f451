import { SHOWN_SQL } from './shown';

// The canonical tables every feature reads (through the `shown` views of db/shown.ts). Imports land here whole (see ingest/) or not at all.
// Every data table carries dataset_id, so a dataset can be listed, replaced or deleted as one.

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS datasets (
  id          VARCHAR PRIMARY KEY,
  kind        VARCHAR NOT NULL,   -- index_scores | par_criteria | par_scores | sipas_responses | sipas_items | units | commune_merger | plan_* | table
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
-- The commune plan (features/plan): its targets, the indicators it enters by hand, its tasks. Words as plans write them
-- are read by src/domain/plan.ts and planTasks.ts; what is stored is the app's form of them (comments below).
CREATE TABLE IF NOT EXISTS plan_targets (
  dataset_id   VARCHAR NOT NULL,
  year         INTEGER NOT NULL,
  code         VARCHAR NOT NULL,  -- unique within a year
  text         VARCHAR NOT NULL,  -- as the plan writes it
  measure      VARCHAR NOT NULL,  -- SIPAS | PAR | PAR_BAND | PAPI | PCI | DTI | PAPI_RANK | PCI_RANK | DTI_RANK, or an entered indicator's code
  unit_code    VARCHAR,           -- service point or unit; NULL: the commune (PAPI, PCI, DTI: the province)
  comparison   VARCHAR NOT NULL,  -- > | >= | <= | =  ("trên 90%" is >)
  threshold    VARCHAR NOT NULL,  -- as written: 90, 92,5, 0.7, Tốt
  period_level VARCHAR NOT NULL,  -- quarter | half | year
  plan_no      VARCHAR,
  plan_date    VARCHAR,           -- yyyy-mm-dd
  edited_at    TIMESTAMP          -- set when typed in the app
);
CREATE TABLE IF NOT EXISTS plan_indicators (
  dataset_id VARCHAR NOT NULL,
  indicator  VARCHAR NOT NULL,    -- the code a target measures by
  name       VARCHAR,
  period     VARCHAR NOT NULL,    -- 2026-Q1 | 2026-H1 | 2026
  unit_code  VARCHAR,             -- NULL: the commune
  x          BIGINT NOT NULL,     -- x of n
  n          BIGINT NOT NULL,
  note       VARCHAR,
  edited_at  TIMESTAMP
);
CREATE TABLE IF NOT EXISTS plan_tasks (
  dataset_id VARCHAR NOT NULL,
  task_id    INTEGER NOT NULL,    -- unique within its dataset (the file's row; typed in: the next number)
  year       INTEGER NOT NULL,    -- the plan's year
  code       VARCHAR,             -- STT as written
  task       VARCHAR NOT NULL,
  lead       VARCHAR NOT NULL,    -- Đơn vị chủ trì
  support    VARCHAR,             -- Đơn vị phối hợp, comma- or semicolon-separated
  timing     VARCHAR NOT NULL,    -- as written: Thường xuyên, Quý II/2026, Trước ngày 30/6/2026
  status     VARCHAR,             -- todo | doing | done; NULL: not stated
  done_date  VARCHAR,             -- yyyy-mm-dd
  result     VARCHAR,             -- result or evidence
  note       VARCHAR,
  origin     VARCHAR,             -- what a task made in the app came from (a weak spot)
  edited_at  TIMESTAMP
);
CREATE TABLE IF NOT EXISTS ref_provinces (
  old_province   VARCHAR NOT NULL, -- one of the 63 provinces before 1/7/2025
  papi_code      VARCHAR,          -- P01…P63 in the PAPI files
  new_unit       VARCHAR NOT NULL, -- the province (of 34) it became part of
  new_unit_type  VARCHAR
);
${SHOWN_SQL}`;

/** Tables whose rows belong to datasets (deleted and persisted per dataset). */
export const DATA_TABLES = [
  'index_scores',
  'par_criteria',
  'par_scores',
  'sipas_counts',
  'sipas_sheets',
  'sipas_items',
  'units',
  'commune_merger',
  'plan_targets',
  'plan_indicators',
  'plan_tasks',
] as const;
