// The first rows of a decoded text file, parsed in JS (papaparse) for the header, the preview and detection.
// The full file never goes through JS parsing: DuckDB's read_csv stages it.
import Papa from 'papaparse';
import type { Delimiter } from './delimiter';
import { cleanHeader } from './headers';

export interface Head {
  headers: string[];
  rows: string[][];
}

export function parseHead(head: string, delimiter: Delimiter, maxRows = 20): Head {
  const res = Papa.parse<string[]>(head, { delimiter, quoteChar: '"', escapeChar: '"', preview: maxRows + 1, skipEmptyLines: 'greedy' });
  const [first = [], ...rows] = res.data;
  return { headers: first.map(cleanHeader), rows: rows.map((r) => r.map((c) => c.normalize('NFC'))) };
}
