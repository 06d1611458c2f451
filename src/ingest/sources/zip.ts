// The central directory of a ZIP (XLSX is one): read by the file sniffer (which parts are there) and by the XLSX
// reader (where each part's bytes are). Kept apart so that sniffing does not load the reader.

export interface ZipEntry {
  /** 0 stored, 8 deflated. */
  method: number;
  size: number;
  at: number;
}

/** The ZIP's central directory: name → where its data is. Null when damaged or ZIP64. */
export function zipDirectory(b: Uint8Array): Map<string, ZipEntry> | null {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const out = new Map<string, ZipEntry>();
  const dec = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || dv.getUint32(p, true) !== 0x02014b50) return null;
    const method = dv.getUint16(p + 10, true);
    const size = dv.getUint32(p + 20, true);
    const nameLen = dv.getUint16(p + 28, true);
    const local = dv.getUint32(p + 42, true);
    if (size === 0xffffffff || local === 0xffffffff || local + 30 > b.length) return null;
    const name = dec.decode(b.subarray(p + 46, p + 46 + nameLen));
    const at = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    if (at + size > b.length) return null;
    out.set(name.replace(/^\//, ''), { method, size, at });
    p += 46 + nameLen + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return out;
}
