// The catalogue row of a dataset (table `datasets`), written inside the transaction that lands its rows.
import type { Db } from '../db/types';

interface NewDataset {
  id: string;
  kind: string;
  fileName: string;
  rowCount: number;
  coverage: string | null;
  isDemo: boolean;
  source: string | null;
  tableName?: string | null;
}

export async function registerDataset(db: Db, d: NewDataset): Promise<void> {
  await db.query(`INSERT INTO datasets VALUES (?, ?, ?, ?, ?, now()::TIMESTAMP, ?, ?, ?)`, [
    d.id,
    d.kind,
    d.fileName,
    d.rowCount,
    d.coverage,
    d.isDemo,
    d.source,
    d.tableName ?? null,
  ]);
}
