// Bytes → UTF-8 bytes DuckDB can read. UTF-8 (the common case, and the 1M-row one) passes through without a copy;
// UTF-16 (Excel "Unicode text") and Windows-1258 (Excel's plain "CSV" on Vietnamese Windows: base letters plus
// combining tone marks) are decoded, NFC-normalised so names join across files, and re-encoded.

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'windows-1252';

interface Decoded {
  encoding: Encoding;
  /** The file as UTF-8 without BOM. */
  utf8: Uint8Array;
  /** The start of the text (whole lines, ~64 KB), NFC, for header, delimiter and preview. */
  head: string;
}

const HEAD_BYTES = 64 * 1024;
const SNIFF_BYTES = 1024 * 1024;

/** An index ≤ at that does not cut a UTF-8 character in two. */
function charBoundary(b: Uint8Array, at: number): number {
  let end = Math.min(at, b.length);
  while (end < b.length && end > 0 && (b[end]! & 0xc0) === 0x80) end--;
  return end;
}

/** True when the bytes are valid UTF-8 (ASCII runs skipped fast: a 50 MB file takes tens of ms). */
export function isUtf8(b: Uint8Array): boolean {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let extra: number;
    if (c >= 0xc2 && c <= 0xdf) extra = 1;
    else if (c >= 0xe0 && c <= 0xef) extra = 2;
    else if (c >= 0xf0 && c <= 0xf4) extra = 3;
    else return false;
    for (let k = 1; k <= extra; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

function supports(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** Where the last whole line of a cut text ends: its last LF, or last CR in a file of CR line endings. */
const lastBreak = (text: string, before = text.length): number => {
  const lf = text.lastIndexOf('\n', before);
  return lf >= 0 ? lf : text.lastIndexOf('\r', before);
};

function headOf(text: string): string {
  if (text.length <= HEAD_BYTES) return text;
  const cut = lastBreak(text, HEAD_BYTES);
  return text.slice(0, cut > 0 ? cut + 1 : HEAD_BYTES);
}

function fromText(text: string, encoding: Encoding): Decoded {
  const nfc = text.normalize('NFC');
  return { encoding, utf8: new TextEncoder().encode(nfc), head: headOf(nfc) };
}

/** The head of UTF-8 bytes (whole lines, ~64 KB), NFC. */
export function utf8Head(body: Uint8Array): string {
  let head = new TextDecoder('utf-8').decode(body.subarray(0, HEAD_BYTES));
  if (body.length > HEAD_BYTES) head = head.slice(0, Math.max(lastBreak(head) + 1, 1));
  return head.normalize('NFC');
}

/** Detects the encoding (unless `forced`) and returns UTF-8 bytes plus the head of the text. */
export function decode(bytes: Uint8Array, forced?: Encoding): Decoded {
  const enc = forced ?? detectEncoding(bytes);
  switch (enc) {
    case 'utf-8':
    case 'utf-8-bom': {
      const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
      return { encoding: enc, utf8: body, head: utf8Head(body) };
    }
    case 'utf-16le':
    case 'utf-16be':
      return fromText(new TextDecoder(enc).decode(bytes), enc); // TextDecoder drops the BOM
    case 'windows-1258':
    case 'windows-1252':
      return fromText(new TextDecoder(supports(enc) ? enc : 'windows-1252').decode(bytes), enc);
  }
}

export function detectEncoding(b: Uint8Array): Encoding {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8-bom';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  // UTF-16 without BOM: every other byte of ASCII text is zero.
  if (b.length >= 4 && b[1] === 0 && b[3] === 0 && b[0] !== 0) return 'utf-16le';
  if (b.length >= 4 && b[0] === 0 && b[2] === 0 && b[1] !== 0) return 'utf-16be';
  // The first megabyte decides: validating 50 MB in JS costs more than DuckDB's own UTF-8 check while staging,
  // and a later invalid byte makes staging fail, after which the file is read again as Windows-1258.
  if (isUtf8(b.subarray(0, charBoundary(b, SNIFF_BYTES)))) return 'utf-8';
  return supports('windows-1258') ? 'windows-1258' : 'windows-1252';
}
