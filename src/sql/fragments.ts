// Named pieces of SQL that more than one query needs, each written once (tested in fragments.test.ts against DuckDB).
// They read the columns of the `shown.*` views (src/db/shown.ts) by their canonical names (src/db/schema.ts).
import { SATISFIED_MIN } from '../domain/sipas';
import { parsePeriodKey, type Level } from '../domain/periods';
import { sql, type Sql } from './sql';

// ---- SIPAS answers (sipas_counts: answers counted per period, unit, item and answer level) ------------------------

/** An answer that counts as satisfied: "Hài lòng" (4) or "Rất hài lòng" (5), answer ≥ SATISFIED_MIN. */
export function isSatisfied(answer: Sql = sql.ident('answer')): Sql {
  return sql`${answer} >= ${SATISFIED_MIN}`;
}

/** Satisfied answers of the group (0 when none), as DOUBLE: Σ n over satisfied answers. */
export function satisfied(): Sql {
  return sql`CAST(coalesce(sum(n) FILTER (WHERE ${isSatisfied()}), 0) AS DOUBLE)`;
}

/** Valid answers of the group, as DOUBLE (blanks are never counted: they are not in sipas_counts). */
export function answered(): Sql {
  return sql`CAST(sum(n) AS DOUBLE)`;
}

/** The satisfaction rate of the group in %, satisfied ÷ valid answers × 100; NULL without answers. */
export function satisfactionRate(): Sql {
  return sql`100.0 * ${satisfied()} / ${answered()}`;
}

// ---- Periods (year, half, quarter columns of sipas_counts and sipas_sheets) -------------------------------------

/** The half-year of a row: its half column, or the half of its quarter when only that was filled. */
function half(): Sql {
  return sql`coalesce(half, CASE WHEN quarter <= 2 THEN 1 WHEN quarter >= 3 THEN 2 END)`;
}

/** The period key of a row at a level ('2026-Q1', '2026-H1', '2026'); NULL when the row is too coarse for it. */
export function periodKey(level: Level): Sql {
  if (level === 'quarter') return sql`CAST(year AS VARCHAR) || '-Q' || CAST(quarter AS VARCHAR)`;
  if (level === 'half') return sql`CAST(year AS VARCHAR) || '-H' || CAST(${half()} AS VARCHAR)`;
  return sql`CAST(year AS VARCHAR)`;
}

/** Rows of one period ('2026-Q1', '2026-H1', '2026'): a half takes its quarters too. A key that does not parse matches nothing. */
export function inPeriod(period: string): Sql {
  const p = parsePeriodKey(period);
  if (!p) return sql`false`;
  if (p.quarter) return sql`year = ${p.year} AND quarter = ${p.quarter}`;
  if (p.half) return sql`year = ${p.year} AND ${half()} = ${p.half}`;
  return sql`year = ${p.year}`;
}

// ---- The commune's units -----------------------------------------------------------------------------------------

/**
 * Rows (by their unit_code) that belong to a commune: the commune itself, its units and their units two levels down in
 * `shown.units`, and service points the units list does not know (the app serves one commune). NULL, a commune the
 * data does not tell: every row.
 */
export function communeScope(commune: string | null, unitCode: Sql = sql.ident('unit_code')): Sql {
  if (commune === null) return sql`true`;
  return sql`(${unitCode} IN (
    SELECT ${commune}
    UNION SELECT unit_code FROM shown.units WHERE parent_code = ${commune}
    UNION SELECT u2.unit_code FROM shown.units u2 JOIN shown.units u1 ON u2.parent_code = u1.unit_code WHERE u1.parent_code = ${commune}
  ) OR ${unitCode} NOT IN (SELECT unit_code FROM shown.units))`;
}
