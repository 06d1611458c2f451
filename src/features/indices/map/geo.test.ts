import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

// The shipped maps carry the app's own names (scripts/geo/build.mjs joined them with vnNames.joinProvinceNames):
// every province of the reference table is on its map, once.
describe('the shipped maps', () => {
  it.each(['34', '63'] as const)('the %s-province map has exactly the provinces of the reference table', (view) => {
    const root = path.resolve(import.meta.dirname, '../../../..');
    const csv = fs
      .readFileSync(path.join(root, 'data/ref/provinces_63_to_34.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(','));
    const expected = [...new Set(csv.map((r) => (view === '63' ? r[0]! : r[3]!)))].sort();
    const geo = JSON.parse(fs.readFileSync(path.join(root, `data/geo/provinces_${view}.json`), 'utf8')) as { features: { properties: { name: string } }[] };
    expect(geo.features.map((f) => f.properties.name).sort()).toEqual(expected);
    expect(expected).toHaveLength(Number(view));
  });
});
