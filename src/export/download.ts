// Saving files from the page: an object URL and a temporary link; nothing is sent anywhere.
import type { Cell } from './cells';
import { toCsvParts } from './csv';
import { beginExport } from './progress';
import { toXlsx, type Sheet } from './xlsx';

export function saveBlob(fileName: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A CSV download; a long one reports its progress (progress.ts) and leaves the page responsive while it is built. */
export async function downloadCsv(fileName: string, columns: readonly string[], rows: readonly (readonly Cell[])[]): Promise<void> {
  const job = beginExport(fileName, rows.length);
  try {
    saveBlob(fileName, new Blob(await toCsvParts(columns, rows, job.rows), { type: 'text/csv;charset=utf-8' }));
  } finally {
    job.end();
  }
}

/** An Excel download, reporting its progress as downloadCsv does. */
export async function downloadXlsx(fileName: string, sheets: readonly Sheet[]): Promise<void> {
  const job = beginExport(
    fileName,
    sheets.reduce((n, s) => n + s.rows.length, 0),
  );
  try {
    const bytes = await toXlsx(sheets, { rows: job.rows, packing: job.packing });
    saveBlob(fileName, new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  } finally {
    job.end();
  }
}

/** File-name-safe text: keeps Vietnamese letters, replaces what file systems refuse. */
export function safeFileName(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/\s+/g, '_')
    .slice(0, 120);
}
