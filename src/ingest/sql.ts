// Small SQL text helpers. Everything user-written that reaches SQL text goes through these.
import { NOT_APPLICABLE } from '../domain/parInput';

/** A string literal: 'o''brien'. */
export const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** A quoted identifier: "Mã đơn vị". */
export const ident = (s: string): string => `"${s.replaceAll('"', '""')}"`;

/** The cell as text, NULL when blank. */
export const cell = (col: string): string => `nullif(trim(${col}), '')`;

/**
 * The cell as a number. With a decimal comma (files delimited by ; or tab) "12,5" is 12.5;
 * spaces used as thousands separators are dropped.
 */
export function num(col: string, decimalComma: boolean): string {
  const c = `replace(trim(${col}), ' ', '')`;
  return decimalComma ? `TRY_CAST(replace(${c}, ',', '.') AS DOUBLE)` : `TRY_CAST(${c} AS DOUBLE)`;
}

/** "không áp dụng", "N/A", "KAD": the criterion does not apply to this unit. */
export const notApplicable = (col: string): string => `(lower(strip_accents(trim(${col}))) IN (${NOT_APPLICABLE.map(lit).join(', ')}))`;

/** Fresh ids for datasets and staging tables. */
export function newId(prefix: string): string {
  const rnd = Math.random().toString(36).slice(2, 8);
  return `${prefix}_${Date.now().toString(36)}_${rnd}`;
}
