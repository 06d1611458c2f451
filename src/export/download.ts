// Saving files from the page: an object URL and a temporary link; nothing is sent anywhere.
import type { Cell } from './cells';
import { toCsv } from './csv';
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

export function downloadCsv(fileName: string, columns: readonly string[], rows: readonly (readonly Cell[])[]) {
  saveBlob(fileName, new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }));
}

export async function downloadXlsx(fileName: string, sheets: readonly Sheet[]) {
  const bytes = await toXlsx(sheets);
  saveBlob(fileName, new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
}

/** File-name-safe text: keeps Vietnamese letters, replaces what file systems refuse. */
export function safeFileName(s: string): string {
  return s.normalize('NFC').replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, '_').slice(0, 120);
}
