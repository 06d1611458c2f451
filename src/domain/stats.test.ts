import { describe, expect, it } from 'vitest';
import { competitionRanks, mean, median } from './stats';

describe('stats', () => {
  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it('mean', () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNull();
  });
  it('equal scores share a rank and the next rank is skipped', () => {
    expect(competitionRanks([90, 95, 90, 80])).toEqual([2, 1, 2, 4]);
  });
  it('compares at the published precision', () => {
    expect(competitionRanks([48.061, 48.064, 47], 2)).toEqual([1, 1, 3]);
  });
});
