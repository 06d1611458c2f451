// Small statistics used across indices. Inputs are plain numbers; nothing here knows about the UI.

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Competition ranking ("1224"): higher is better, equal scores share a rank.
 * Scores are compared at the precision they are published at, so 48.061 and 48.064 tie at 2 decimals.
 */
export function competitionRanks(scores: readonly number[], decimals = 2): number[] {
  const f = 10 ** decimals;
  const rounded = scores.map((s) => Math.round(s * f));
  return rounded.map((r) => 1 + rounded.filter((o) => o > r).length);
}
