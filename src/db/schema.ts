// The canonical tables every feature reads. Imports land here whole (see ingest/) or not at all.

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS datasets (
  id          VARCHAR PRIMARY KEY,
  kind        VARCHAR NOT NULL,   -- index_scores | par_criteria | par_scores | sipas_responses | sipas_items | units | table
  file_name   VARCHAR NOT NULL,
  row_count   BIGINT  NOT NULL,
  coverage    VARCHAR,            -- years or periods covered, e.g. "2011–2024"
  imported_at TIMESTAMP NOT NULL,
  is_demo     BOOLEAN NOT NULL DEFAULT false,
  source      VARCHAR
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
CREATE TABLE IF NOT EXISTS ref_provinces (
  old_province   VARCHAR NOT NULL, -- one of the 63 provinces before 1/7/2025
  papi_code      VARCHAR,          -- P01…P63 in the PAPI files
  new_unit       VARCHAR NOT NULL, -- the province (of 34) it became part of
  new_unit_type  VARCHAR
);
`;
