import { describe, expect, it } from 'vitest';
import { parseTarget } from './SipasTargetSettings';

describe('typed SIPAS target', () => {
  it('accepts 0–100 with a decimal comma or point', () => {
    expect(parseTarget('90')).toBe(90);
    expect(parseTarget(' 92,5 ')).toBe(92.5);
    expect(parseTarget('92.5')).toBe(92.5);
    expect(parseTarget('100')).toBe(100);
    expect(parseTarget('0')).toBe(0);
  });
  it('refuses what is not a target', () => {
    expect(parseTarget('')).toBeNull();
    expect(parseTarget('101')).toBeNull();
    expect(parseTarget('-5')).toBeNull();
    expect(parseTarget('90%')).toBeNull();
    expect(parseTarget('chín mươi')).toBeNull();
  });
});
