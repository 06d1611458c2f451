import { describe, expect, it } from 'vitest';
import { toCsv, toCsvParts } from './csv';
import { beginExport, watchExports, type ExportJob } from './progress';
import { toXlsx } from './xlsx';

// Enough rows that building them takes several slices (a slice is 40 ms of work), so the page is given turns.
const ROWS = Array.from({ length: 60_000 }, (_, i) => [`Đơn vị ${i}`, i % 7 === 0 ? '=1+1' : 'x', i * 0.5, i % 3 === 0 ? null : 'Hòa An, "TT"']);
const COLUMNS = ['Đơn vị', 'Ghi chú', 'Điểm', 'Nơi'];

describe('long downloads, built in slices', () => {
  it('write the same CSV text as in one go, and say how many rows are written, up to all of them', async () => {
    const seen: number[] = [];
    const parts = await toCsvParts(COLUMNS, ROWS, (n) => seen.push(n));
    expect(parts.join('')).toBe(toCsv(COLUMNS, ROWS));
    expect(seen.at(-1)).toBe(ROWS.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('write the same Excel rows as in one go, then say they compress', async () => {
    const steps: string[] = [];
    const bytes = await toXlsx(
      [
        { name: 'A', columns: COLUMNS, rows: ROWS.slice(0, 20_000) },
        { name: 'B', columns: COLUMNS, rows: ROWS.slice(20_000, 21_000) },
      ],
      {
        rows: (done, total) => steps.push(`${done}/${total}`),
        packing: () => steps.push('packing'),
      },
    );
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.read(bytes, { type: 'array' });
    const a = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.A!, { header: 1, defval: null });
    expect(a).toHaveLength(20_001);
    expect(a[1]).toEqual(['Đơn vị 0', "'=1+1", 0, null]);
    expect(a[20_000]).toEqual(['Đơn vị 19999', "'=1+1", 9999.5, 'Hòa An, "TT"']); // 19999 = 7 × 2857
    expect(XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.B!, { header: 1 })).toHaveLength(1001);
    expect(steps.at(-2)).toBe('21000/21000');
    expect(steps.at(-1)).toBe('packing');
  });

  it('are listed while they run, for the status bar, and gone once ended', () => {
    const lists: ExportJob[][] = [];
    const stop = watchExports((jobs) => lists.push([...jobs]));
    const job = beginExport('SIPAS.xlsx', 100);
    job.rows(40);
    job.packing();
    job.end();
    stop();
    expect(lists.map((l) => l.map((j) => `${j.file} ${j.step} ${j.done}/${j.total}`))).toEqual([
      [],
      ['SIPAS.xlsx rows 0/100'],
      ['SIPAS.xlsx rows 40/100'],
      ['SIPAS.xlsx packing 100/100'],
      [],
    ]);
  });
});
