// A score typed into the criteria tree: a number between 0 and the criterion's max, "không áp dụng", or empty.
import { foldText } from './vnNames';

export type ScoreInput =
  | { ok: true; kind: 'empty' }
  | { ok: true; kind: 'na' }
  | { ok: true; kind: 'score'; value: number }
  | { ok: false; reason: 'notNumber' | 'negative' | 'aboveMax' };

/** "Not applicable" as people write it, folded (vnNames.foldText): the same words a file's cell may say (ingest/sql.ts). */
export const NOT_APPLICABLE: readonly string[] = ['khong ap dung', 'n/a', 'na', 'kad', 'k.a.d', 'not applicable'];
const NA = new Set(NOT_APPLICABLE);

/** Accepts "1,5" and "1.5" (Vietnamese and machine decimals); refuses what the rules forbid, with why. */
export function parseScoreInput(text: string, max: number): ScoreInput {
  const t = foldText(text);
  if (t === '') return { ok: true, kind: 'empty' };
  if (NA.has(t)) return { ok: true, kind: 'na' };
  if (!/^[+-]?\d+([.,]\d+)?$/.test(t)) return { ok: false, reason: 'notNumber' };
  const v = Number(t.replace(',', '.'));
  if (v < 0) return { ok: false, reason: 'negative' };
  if (v > max + 1e-9) return { ok: false, reason: 'aboveMax' };
  return { ok: true, kind: 'score', value: v };
}
