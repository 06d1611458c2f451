// Test helpers: files made in the test from text (so each case shows its bytes), and a shared Node DuckDB.
import type { SourceFile } from '../types';

export const utf8 = (name: string, text: string): SourceFile => ({ name, bytes: new TextEncoder().encode(text) });
export const csv = (name: string, lines: string[]): SourceFile => utf8(name, lines.join('\n') + '\n');

/** Windows-1258 bytes as Excel writes them on Vietnamese Windows: precomposed base letters, tone marks combining. */
export function windows1258(text: string): Uint8Array {
  const dec = new TextDecoder('windows-1258');
  const map = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = dec.decode(new Uint8Array([b]));
    if (!map.has(ch)) map.set(ch, b);
  }
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    if (map.has(ch)) {
      out.push(map.get(ch)!);
      continue;
    }
    const parts = [...ch.normalize('NFD')];
    let k = parts.length;
    while (k > 1 && !map.has(parts.slice(0, k).join('').normalize('NFC'))) k--;
    const head = parts.slice(0, k).join('').normalize('NFC');
    if (!map.has(head)) throw new Error(`not in windows-1258: ${ch}`);
    out.push(map.get(head)!);
    for (const m of parts.slice(k)) {
      if (!map.has(m)) throw new Error(`mark not in windows-1258: ${m}`);
      out.push(map.get(m)!);
    }
  }
  return new Uint8Array(out);
}

/** UTF-16 with BOM, as Excel's "Unicode text" writes it (little-endian unless asked). */
export function utf16(text: string, bigEndian = false): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = bigEndian ? 0xfe : 0xff;
  out[1] = bigEndian ? 0xff : 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
    out[2 + 2 * i + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}
