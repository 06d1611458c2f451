import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parBandsFor, restoreSettings, sipasTargetFor } from './settings';

describe('settings', () => {
  it('defaults to the 90% SIPAS target and the default PAR bands', () => {
    expect(restoreSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.sipasTarget).toBe(90);
    expect(DEFAULT_SETTINGS.parBands).toEqual({ excellent: 90, good: 80, fair: 70, average: 50 });
  });
  it('falls back to defaults for broken or out-of-range values', () => {
    expect(restoreSettings('{not json')).toEqual(DEFAULT_SETTINGS);
    expect(restoreSettings(JSON.stringify({ sipasTarget: 150 }))).toEqual(DEFAULT_SETTINGS);
  });
  it('uses a per-year override where one is set', () => {
    const s = restoreSettings(JSON.stringify({ sipasTargetByYear: { '2026': 95 } }));
    expect(sipasTargetFor(s, 2026)).toBe(95);
    expect(sipasTargetFor(s, 2025)).toBe(90);
    expect(parBandsFor(s, 2025).excellent).toBe(90);
  });
});
