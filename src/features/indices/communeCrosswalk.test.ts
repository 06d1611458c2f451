import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { communeIndex } from '../../domain/communeMerger';
import { parseCommunesFile } from './communeCrosswalk';

const shipped = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/ref/communes_2025.json'), 'utf8')) as unknown;

describe('parseCommunesFile', () => {
  it('reads the shipped crosswalk under the app’s province names (TP HCM → Hồ Chí Minh)', () => {
    const all = parseCommunesFile(shipped);
    expect(all.some((c) => c.province === 'TP HCM')).toBe(false);
    expect(communeIndex('Hồ Chí Minh', all).communes).toHaveLength(168);
  });
  it('rejects a file of another shape instead of matching nothing', () => {
    expect(() => parseCommunesFile([{ columns: ['Huế', 'Phú Xuân'] }])).toThrow();
    expect(() => parseCommunesFile({ columns: [] })).toThrow();
    expect(() => parseCommunesFile([])).toThrow();
  });
});
