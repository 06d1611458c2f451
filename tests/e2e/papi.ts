// Recomputes PAPI figures straight from the CSV files the product owner gave us, independently of the app.
import fs from 'node:fs';
import path from 'node:path';
import { sharedPath } from '../helpers/shared';

const dir = sharedPath('data/papi/csv');

export interface PapiTotal {
  code: string;
  total: number;
  complete: boolean;
}

export function papiTotals(year: number): PapiTotal[] {
  const [header, ...lines] = fs
    .readFileSync(path.join(dir, `${year}.csv`), 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(','));
  const cols = header!.map((h, i) => [h, i] as const).filter(([h]) => h.startsWith('SC'));
  const present = cols.filter(([, i]) => lines.some((l) => (l[i] ?? '').trim() !== ''));
  return lines.map((l) => {
    const vals = present.map(([, i]) => (l[i] ?? '').trim());
    return { code: l[0]!, total: vals.filter(Boolean).reduce((a, v) => a + Number(v), 0), complete: vals.every(Boolean) };
  });
}

export function medianOf(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
