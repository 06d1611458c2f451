import { expect, it } from 'vitest';
import { createNodeDb } from './nodeDb';

it('runs the app schema and parameterised queries in Node', async () => {
  const db = await createNodeDb();
  await db.registerFile('x.csv', new TextEncoder().encode('a,b\n1,Huế\n2,Hà Nội\n'));
  const rows = await db.query<{ a: number; b: string }>(`SELECT a, b FROM read_csv('x.csv') WHERE a > ? ORDER BY a`, [1]);
  expect(rows).toEqual([{ a: 2, b: 'Hà Nội' }]);
  expect(await db.query('SELECT count(*) AS n FROM par_scores')).toEqual([{ n: 0 }]);
});
