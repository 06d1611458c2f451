// .xlsx/.xlsm read without SheetJS: the ZIP's parts inflated by the browser's own DecompressionStream, each sheet's
// XML scanned once with indexOf. SheetJS builds an object per cell and formats every one (7 s for 100,000 rows);
// this reads the same cells as the same text (excelText.ts) several times faster. Anything it does not expect —
// ZIP64, namespace prefixes, CDATA, rows out of order, no DecompressionStream (Safari < 16.4) — returns null and
// SheetJS reads the file as before, so the odd workbook is still read, and a broken one gets SheetJS's words.
import { boolText, formatCode, isDateFormat, numberText, serialDateText } from './excelText';
import { zipDirectory, type ZipEntry } from './zip';

/** Cells of one row as text by column (holes are empty cells). */
export type RowCells = (string | undefined)[];

/** A worksheet's rows in order: `each(rowIndex, cells)`; returning false stops the scan. */
export type RowScan = (each: (row: number, cells: RowCells) => boolean | void) => void;

/** Excel's last column (XFD): a reference beyond it is damage, and is not read. */
export const MAX_COLUMNS = 16_384;

class Unexpected extends Error {}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A part of the package as text (UTF-8: a part in another encoding is unexpected), or null when absent. */
async function part(b: Uint8Array, dir: Map<string, ZipEntry>, name: string): Promise<string | null> {
  const e = dir.get(name);
  if (!e) return null;
  const raw = b.subarray(e.at, e.at + e.size);
  const data = e.method === 0 ? raw : e.method === 8 ? await inflate(raw) : null;
  if (!data) throw new Unexpected(`compression ${e.method}`);
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) throw new Unexpected('UTF-16 part');
  return new TextDecoder().decode(data);
}

/** Attributes of one tag's text, e.g. ` r="A1" t="s"` (either quote). */
function attrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) out.set(m[1]!, m[2] ?? m[3] ?? '');
  return out;
}

const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?[\da-fA-F]+);/g;
const NAMED: Record<string, string> = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' };
const CODE = /_x([\da-fA-F]{4})_/g;

/** XML text as SheetJS unescapes a cell's (entities, Excel's _xHHHH_ escapes, CRLF as LF). */
function unescape(s: string): string {
  if (s.includes('&')) s = s.replace(ENTITY, (m) => NAMED[m] ?? String.fromCodePoint(parseInt(m.slice(m[2] === 'x' ? 3 : 2, -1), m[2] === 'x' ? 16 : 10)));
  if (s.includes('_x')) s = s.replace(CODE, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s.includes('\r\n') ? s.replaceAll('\r\n', '\n') : s;
}

const RPH = /<rPh\b[\s\S]*?<\/rPh>/g;
const T_RUN = /<t\b[^>]*>([^<]*)<\/t>/g;

/** A rich or plain string (<si> of the shared strings, <is> of a cell): its text, phonetic runs left out. */
function stringItem(x: string): string | undefined {
  if (x.includes('<![CDATA[')) throw new Unexpected('CDATA');
  const s = x.trim();
  if (/^<t[\s>]/.test(s)) {
    const start = s.indexOf('>') + 1;
    const end = s.indexOf('</t>', start);
    return unescape(s.slice(start, end < 0 ? s.length : end));
  }
  if (!/<r[\s>]/.test(s)) return undefined;
  let out = '';
  for (const m of s.replace(RPH, '').matchAll(T_RUN)) out += m[1];
  return unescape(out);
}

function sharedStrings(xml: string | null): (string | undefined)[] {
  if (xml === null) return [];
  if (/<\w+:si[\s>]/.test(xml)) throw new Unexpected('prefixed shared strings');
  const out: (string | undefined)[] = [];
  for (let p = xml.indexOf('<si', 0); p >= 0; p = xml.indexOf('<si', p)) {
    const c = xml.charCodeAt(p + 3);
    if (c !== 62 && c !== 32) {
      p += 3;
      continue;
    }
    const start = xml.indexOf('>', p) + 1;
    if (xml[start - 2] === '/') {
      out.push(undefined);
      p = start;
      continue;
    }
    const end = xml.indexOf('</si>', start);
    if (end < 0) throw new Unexpected('unclosed <si>');
    out.push(stringItem(xml.slice(start, end)));
    p = end + 5;
  }
  return out;
}

/** Which cell styles (s="…") show a date: their number format is a date format. */
function dateStyles(xml: string | null): boolean[] {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const id = Number(a.get('numFmtId'));
    if (Number.isInteger(id)) custom.set(id, unescape(a.get('formatCode') ?? ''));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b[^>]*>/g)].map((m) => {
    const code = formatCode(Number(attrs(m[0]).get('numFmtId') ?? 0), custom);
    return code !== undefined && code !== 'General' && isDateFormat(code);
  });
}

/** The 0-based column of a reference like "AB12" (27); -1 without letters. */
function refColumn(xml: string, from: number, to: number): number {
  let col = 0;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i) - 64;
    if (c < 1 || c > 26) break;
    col = col * 26 + c;
  }
  return col - 1;
}

/** The 0-based row of a reference like "AB12" (11); -1 without digits. */
function refRow(xml: string, from: number, to: number): number {
  let row = 0;
  let digits = false;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      row = row * 10 + (c - 48);
      digits = true;
    }
  }
  return digits ? row - 1 : -1;
}

/** Digits without a leading zero (or "0"), at most 15: the number's text is the digits themselves. */
const PLAIN_INT = /^-?(?:0|[1-9]\d{0,14})$/;

interface SheetContext {
  strings: (string | undefined)[];
  dates: boolean[];
  date1904: boolean;
}

/** The text SheetJS would give the cell (excelText's rules), or undefined for no cell. xml[from, to) is its body. */
function cellValue(xml: string, from: number, to: number, t: string | undefined, style: number, ctx: SheetContext): string | undefined {
  let v: string | undefined;
  const vs = from < to ? xml.indexOf('<v', from) : -1;
  if (vs >= 0 && vs < to && (xml.charCodeAt(vs + 2) === 62 || xml.charCodeAt(vs + 2) === 32)) {
    const vgt = xml.indexOf('>', vs);
    if (xml.charCodeAt(vgt - 1) !== 47) {
      const ve = xml.indexOf('</v>', vgt);
      v = xml.slice(vgt + 1, ve < 0 || ve > to ? to : ve);
      if (v.includes('<')) throw new Unexpected('markup in a value');
    }
  }
  switch (t) {
    case undefined:
    case 'n':
      if (v === undefined || v === '') return undefined; // a formula without a cached value: no cell, as in SheetJS
      if (!ctx.dates[style] && PLAIN_INT.test(v) && v !== '-0') return v;
      return numberCell(parseFloat(unescape(v)), style, ctx);
    case 's':
      return v === undefined ? undefined : ctx.strings[parseInt(v, 10)];
    case 'str':
      return v === undefined ? '' : unescape(v);
    case 'inlineStr': {
      const body = xml.slice(from, to);
      const start = body.indexOf('<is>');
      const end = body.lastIndexOf('</is>');
      return start < 0 || end < 0 ? '' : (stringItem(body.slice(start + 4, end)) ?? '');
    }
    case 'b':
      return boolText(v === '1' || v === 'true');
    case 'e':
      return v === undefined ? undefined : unescape(v);
    case 'd': {
      if (v === undefined) return undefined;
      const ms = Date.parse(v);
      return Number.isNaN(ms) ? undefined : numberCell(ms / 86_400_000 + 25_569, style, ctx);
    }
    default:
      throw new Unexpected(`cell type ${t}`);
  }
}

function numberCell(n: number, style: number, ctx: SheetContext): string {
  if (ctx.dates[style]) {
    const d = serialDateText(n, ctx.date1904);
    if (d !== null) return d;
  }
  return numberText(n);
}

/** Where a <c …> tag's r value is, and its t and s values: read in place (a regex and a map per cell cost more). */
const cell = { r0: -1, r1: -1, t: undefined as string | undefined, s: 0 };

function cellAttrs(xml: string, from: number, to: number): void {
  cell.r0 = cell.r1 = -1;
  cell.t = undefined;
  cell.s = 0;
  let i = from;
  while (i < to) {
    const eq = xml.indexOf('=', i);
    if (eq < 0 || eq >= to) break;
    let n1 = eq;
    while (xml.charCodeAt(n1 - 1) === 32) n1--;
    let n0 = n1;
    while (n0 > i && xml.charCodeAt(n0 - 1) !== 32) n0--;
    let q = eq + 1;
    while (xml.charCodeAt(q) === 32) q++;
    const quote = xml.charCodeAt(q);
    if (quote !== 34 && quote !== 39) throw new Unexpected('attribute without quotes');
    const close = xml.indexOf(quote === 34 ? '"' : "'", q + 1);
    if (close < 0 || close > to) throw new Unexpected('unclosed attribute');
    if (n1 - n0 === 1) {
      const name = xml.charCodeAt(n0);
      if (name === 114) {
        cell.r0 = q + 1;
        cell.r1 = close;
      } else if (name === 116) cell.t = xml.slice(q + 1, close);
      else if (name === 115) cell.s = Number(xml.slice(q + 1, close));
    }
    i = close + 1;
  }
}

/** Scans a worksheet's <sheetData>: rows in order, cells by column. */
function scanSheet(xml: string, ctx: SheetContext): RowScan {
  return (each) => {
    let p = xml.indexOf('<sheetData');
    if (p < 0) {
      if (xml.includes(':sheetData')) throw new Unexpected('prefixed sheet');
      return;
    }
    p = xml.indexOf('>', p) + 1;
    if (xml[p - 2] === '/') return;
    let end = xml.indexOf('</sheetData>', p);
    if (end < 0) end = xml.length;
    let rowIndex = -1;
    for (;;) {
      const r = xml.indexOf('<row', p);
      if (r < 0 || r >= end) return;
      const gt = xml.indexOf('>', r);
      const ra = attrs(xml.slice(r + 4, gt)).get('r');
      const next = ra !== undefined ? parseInt(ra, 10) - 1 : rowIndex + 1;
      if (!(next > rowIndex)) throw new Unexpected('rows out of order');
      rowIndex = next;
      if (xml[gt - 1] === '/') {
        p = gt + 1;
        continue;
      }
      let rowEnd = xml.indexOf('</row>', gt);
      if (rowEnd < 0 || rowEnd > end) rowEnd = end;
      const cells: RowCells = [];
      let col = -1;
      let q = gt + 1;
      for (;;) {
        const c = xml.indexOf('<c', q);
        if (c < 0 || c >= rowEnd) break;
        const ch = xml.charCodeAt(c + 2);
        if (ch !== 32 && ch !== 62 && ch !== 47) {
          q = c + 2;
          continue;
        }
        const cgt = xml.indexOf('>', c);
        const closed = xml.charCodeAt(cgt - 1) === 47;
        cellAttrs(xml, c + 2, closed ? cgt - 1 : cgt);
        let row = rowIndex;
        if (cell.r0 >= 0) {
          col = refColumn(xml, cell.r0, cell.r1);
          const at = refRow(xml, cell.r0, cell.r1);
          if (at >= 0) row = at;
        } else col++;
        let from = cgt + 1;
        let to = from;
        if (closed) q = cgt + 1;
        else {
          to = xml.indexOf('</c>', cgt);
          if (to < 0) throw new Unexpected('unclosed <c>');
          q = to + 4;
        }
        if (closed) from = to;
        if (row !== rowIndex) throw new Unexpected('cell outside its row');
        if (col < 0 || col >= MAX_COLUMNS) continue;
        const text = cellValue(xml, from, to, cell.t, cell.s, ctx);
        if (text !== undefined) cells[col] = text;
      }
      p = rowEnd + 6;
      if (each(rowIndex, cells) === false) return;
    }
  };
}

/** Where a relationship's target is, from the folder of the part that names it. */
function resolve(folder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (folder ? folder.split('/') : []).concat(target.split('/'));
  const out: string[] = [];
  for (const s of parts) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

function relationships(xml: string | null, folder: string): { id: string; type: string; target: string }[] {
  if (xml === null) return [];
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
    const a = attrs(m[0]);
    // The type's last segment: transitional and strict OOXML name the same types under different bases.
    return { id: a.get('Id') ?? '', type: (a.get('Type') ?? '').split('/').pop()!, target: resolve(folder, a.get('Target') ?? '') };
  });
}

/**
 * `read(name, scan)` of every sheet SheetJS would list (chart sheets are empty), in order; or null when this reader
 * does not handle the file (or meets what it does not expect while scanning) and SheetJS should read it.
 */
export async function readOoxml<T>(b: Uint8Array, read: (name: string, scan: RowScan) => T): Promise<T[] | null> {
  if (typeof DecompressionStream === 'undefined') return null;
  try {
    const dir = zipDirectory(b);
    if (!dir) return null;
    const root = relationships(await part(b, dir, '_rels/.rels'), '');
    const wbPath = root.find((r) => r.type === 'officeDocument')?.target ?? 'xl/workbook.xml';
    const workbook = await part(b, dir, wbPath);
    if (workbook === null || /<\w+:sheets[\s>]/.test(workbook)) return null;
    const folder = wbPath.includes('/') ? wbPath.slice(0, wbPath.lastIndexOf('/')) : '';
    const rels = relationships(await part(b, dir, `${folder ? `${folder}/` : ''}_rels/${wbPath.slice(folder.length ? folder.length + 1 : 0)}.rels`), folder);
    const target = (type: string) => rels.find((r) => r.type === type)?.target;
    const sst = target('sharedStrings');
    const styles = target('styles');
    const ctx: SheetContext = {
      strings: sharedStrings(sst ? await part(b, dir, sst) : null),
      dates: dateStyles(styles ? await part(b, dir, styles) : null),
      date1904: /<workbookPr\b[^>]*\bdate1904\s*=\s*["'](1|true)["']/.test(workbook),
    };
    const sheets: T[] = [];
    for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
      const a = attrs(m[0]);
      const id = [...a].find(([k]) => /(^|:)id$/.test(k) && k !== 'sheetId')?.[1];
      const rel = rels.find((r) => r.id === id);
      if (!rel) return null; // a sheet without its part: SheetJS says what is wrong
      const name = unescape(a.get('name') ?? '');
      if (rel.type === 'chartsheet') {
        sheets.push(read(name, () => undefined));
        continue;
      }
      if (rel.type !== 'worksheet') return null; // a macro or dialog sheet: SheetJS knows them
      const xml = await part(b, dir, rel.target);
      if (xml === null) return null;
      sheets.push(read(name, scanSheet(xml, ctx)));
    }
    return sheets.length ? sheets : null;
  } catch (e) {
    if (e instanceof Unexpected || e instanceof TypeError || e instanceof RangeError) return null;
    throw e;
  }
}
