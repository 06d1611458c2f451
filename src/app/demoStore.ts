// The demo as saved data (issue 17): data/demo-store.json holds the very records the store keeps for the demo once it
// has been imported (`npm run snapshot` writes it from a first start of the built app). A first start stores them and
// restores them like any saved data, instead of sending the demo files through the whole import pipeline: the same
// tables and figures (src/app/demoStore.test.ts compares them with a fresh import), seconds sooner on an office PC.
import { restoreEntry, type StoredDataset } from '../store/record';

/** A stored table as the file holds it: the gzip CSV as base64 text. */
type FileTable = Omit<StoredDataset['tables'][number], 'csv'> & { csv: string };
interface DemoStoreFile {
  v: 1;
  records: (Omit<StoredDataset, 'tables'> & { tables: FileTable[] })[];
}

function fromBase64(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The records of the shipped demo, each checked like a stored entry, dated `importedAt` (the day the user's app
 * loaded it, not the day the file was made). Throws if any record is not one the store would accept.
 */
export function decodeDemoStore(file: unknown, importedAt: string): StoredDataset[] {
  const f = file as Partial<DemoStoreFile> | null;
  if (!f || f.v !== 1 || !Array.isArray(f.records) || f.records.length === 0) throw new Error('demo-store.json: not a demo store file');
  return f.records.map((r, i) => {
    const value = { ...r, dataset: { ...r.dataset, imported_at: importedAt }, tables: r.tables.map((t) => ({ ...t, csv: fromBase64(t.csv) })) };
    const checked = restoreEntry(r.dataset?.id ?? `#${i}`, value);
    if (!checked.ok) throw new Error(`demo-store.json: ${checked.skipped.reason}`);
    if (!checked.record.dataset.is_demo) throw new Error(`demo-store.json: ${checked.record.dataset.id} is not demo data`);
    return checked.record;
  });
}

/** Now as the datasets table keeps imported_at: UTC, to the second ("2026-12-02T06:43:05"), as DuckDB's now() writes it. */
export const importedNow = (d = new Date()) => d.toISOString().slice(0, 19);
