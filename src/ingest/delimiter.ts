// Which character separates the cells: the candidate that splits the first lines into the same number of cells
// (more than one), quotes respected. Decimal comma follows: a file delimited by ; or tab may write 12,5.

export type Delimiter = ',' | ';' | '\t' | '|';
const CANDIDATES: Delimiter[] = [',', ';', '\t', '|'];

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

export function detectDelimiter(head: string): Delimiter {
  const lines = head
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 30);
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    // Lines agreeing with the header's count; quoted newlines make a few disagree, so agreement is a share.
    const agree = counts.filter((c) => c === first).length / counts.length;
    const score = agree * 1000 + first;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** Decimal comma: the delimiter is not a comma and some cell reads like "12,5". */
export function detectDecimalComma(delimiter: Delimiter, rows: readonly string[][]): boolean {
  if (delimiter === ',') return false;
  return rows.some((r) => r.some((c) => /^\s*-?\d+,\d+\s*$/.test(c)));
}
