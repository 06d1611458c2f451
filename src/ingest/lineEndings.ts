// Line endings as Excel reads them: CRLF, a lone CR and LF each end a row, in any mix. DuckDB's read_csv takes one
// kind per file (a mix fails to sniff, and is then misread as another encoding), so a mixed file gets LF everywhere
// outside quoted cells before staging. Line breaks inside quoted cells are text and stay as they are.
// Sound files pay nothing: the head (already in memory) is checked when the file is read; a mix further down makes
// DuckDB refuse the file, and only then is the whole file rewritten (staging's OnRefused).

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** Every CR is followed by LF and every LF follows a CR (quotes not considered: a quoted LF makes it "mixed"). */
function pureCrlf(b: Uint8Array, firstCr: number): boolean {
  for (let i = firstCr; i !== -1; i = b.indexOf(CR, i + 1)) if (b[i + 1] !== LF) return false;
  for (let i = b.indexOf(LF); i !== -1; i = b.indexOf(LF, i + 1)) if (b[i - 1] !== CR) return false;
  return true;
}

/** The bytes with one kind of line ending DuckDB can read: unchanged when they have one already, else LF. */
export function oneLineEnding(b: Uint8Array): Uint8Array {
  const firstCr = b.indexOf(CR);
  if (firstCr === -1 || pureCrlf(b, firstCr)) return b;
  const out = new Uint8Array(b.length);
  let o = 0;
  let quoted = false;
  let changed = false;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === QUOTE) quoted = !quoted;
    else if (c === CR && !quoted) {
      out[o++] = LF;
      if (b[i + 1] === LF) i++;
      changed = true;
      continue;
    }
    out[o++] = c;
  }
  return changed ? out.subarray(0, o) : b;
}

/**
 * The text (a file's head) needs its line endings made one kind: it has a lone CR (CR-only files too: their blank
 * lines would not be counted as rows), or both CRLF and a lone LF — outside quoted cells.
 */
export function needsOneLineEnding(text: string): boolean {
  if (!text.includes('\r')) return false;
  const outside = text.replace(/"[^"]*"/g, '');
  return /\r(?!\n)/.test(outside) || (/\r\n/.test(outside) && /(^|[^\r])\n/.test(outside));
}
