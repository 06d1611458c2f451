import { describe, expect, it } from 'vitest';
import { communeSipas, meanOfElements, meetsTarget, pooled, satisfactionRate, satisfiedNeeded, summarise, wilsonInterval } from './sipas';

describe('satisfaction rate', () => {
  it('is answers 4–5 over valid answers; blanks count in neither', () => {
    // answers 5,4,4,3,blank,2,blank,5 → 4 satisfied of 6 valid (the blanks are simply not counted)
    expect(satisfactionRate(4, 6)).toBeCloseTo((4 / 6) * 100, 10);
    expect(satisfactionRate(0, 0)).toBeNull();
  });
});

describe('Wilson 95% interval', () => {
  it('45 of 50 → 78.64% … 95.65%', () => {
    const ci = wilsonInterval(45, 50)!;
    expect(ci.lo).toBeCloseTo(78.64, 2);
    expect(ci.hi).toBeCloseTo(95.65, 2);
  });
  it('stays inside 0–100 at the extremes and is null without answers', () => {
    const all = wilsonInterval(20, 20)!;
    expect(all.hi).toBe(100);
    expect(all.lo).toBeCloseTo(83.89, 2); // n/(n+z²) = 20/23.8415
    expect(wilsonInterval(0, 10)!.lo).toBe(0);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('satisfied answers needed to reach the target', () => {
  it('is the smallest x with (k + x) ÷ (n + x) ≥ target, exact at the boundary', () => {
    // 40 of 50 at 90%: 40 + x ≥ 0.9(50 + x) ⇔ x ≥ 50; 90/100 is exactly 90% (naive floating point says 51)
    expect(satisfiedNeeded(40, 50, 90)).toBe(50);
    // 44 of 50: x ≥ 10 → 54/60 = 90% exactly (naive floating point says 11)
    expect(satisfiedNeeded(44, 50, 90)).toBe(10);
    expect(satisfiedNeeded(45, 50, 90)).toBe(0);
    expect(satisfiedNeeded(46, 50, 90)).toBe(0);
  });
  it('works for a non-integer target and refuses an unreachable one', () => {
    // 80 of 100 at 92.5%: 0.075x ≥ 12.5 → x ≥ 166.7 → 167 (247/267 = 92.51%, 246/266 = 92.48%)
    expect(satisfiedNeeded(80, 100, 92.5)).toBe(167);
    expect(satisfiedNeeded(99, 100, 100)).toBeNull();
    expect(satisfiedNeeded(100, 100, 100)).toBe(0);
    expect(satisfiedNeeded(0, 0, 90)).toBeNull();
  });
  it('decides "meets the target" exactly', () => {
    expect(meetsTarget(9, 10, 90)).toBe(true);
    expect(meetsTarget(899, 1000, 90)).toBe(false);
    expect(meetsTarget(7, 10, 70)).toBe(true); // 0.7 in floating point is not 7/10
  });
});

describe('summarise: flags', () => {
  it('flags few answers (n < 30) and an interval that contains the target', () => {
    const s = summarise({ k: 26, n: 29 }, 90);
    expect(s.few).toBe(true);
    expect(s.uncertain).toBe(true); // 89.66% with an interval of roughly 73–96%
    expect(s.below).toBe(true);
    expect(s.needed).toBe(1); // 27/30 = 90%
    const big = summarise({ k: 950, n: 1000 }, 90);
    expect(big.few).toBe(false);
    expect(big.uncertain).toBe(false); // 93.5–96.1%
    expect(big.below).toBe(false);
    expect(big.needed).toBe(0);
    expect(summarise({ k: 30, n: 30 }, 90).few).toBe(false);
    // 24 forms of 20 items: 480 answers, still few forms
    expect(summarise({ k: 430, n: 480 }, 90, 24).few).toBe(true);
    expect(summarise({ k: 430, n: 480 }, 90, 30).few).toBe(false);
  });
});

describe('overall figures', () => {
  const elements = [
    { element: 1, k: 90, n: 100 },
    { element: 2, k: 8, n: 10 },
    { element: 3, k: 45, n: 50 },
    { element: 3, k: 5, n: 50 },
    { element: 4, k: 0, n: 0 },
  ];
  it('pooled counts every answer once', () => {
    expect(pooled(elements)).toEqual({ k: 148, n: 210 });
  });
  it('mean of elements averages element rates, and says how many elements had answers', () => {
    // element 1: 90%, element 2: 80%, element 3: 50/100 = 50% → (90 + 80 + 50) / 3
    const m = meanOfElements(elements);
    expect(m.elements).toBe(3);
    expect(m.rate).toBeCloseTo(220 / 3, 10);
  });
});

describe("a commune's SIPAS by year", () => {
  it('takes the published score of a year when there is one, else the rate from the answers', () => {
    const published = [
      { year: 2024, value: 88.1 },
      { year: 2025, value: 90.5 },
    ];
    const answers = [
      { year: 2025, rate: 70, answers: 10, lastQuarter: 4 }, // published 90.5 wins
      { year: 2026, rate: 85, answers: 100, lastQuarter: 3 },
      { year: 2023, rate: 60, answers: 5, lastQuarter: 4 },
    ];
    expect(communeSipas(published, answers)).toEqual([
      { year: 2023, value: 60, from: 'answers', rate: 60, answers: 5, lastQuarter: 4 },
      { year: 2024, value: 88.1, from: 'published' },
      { year: 2025, value: 90.5, from: 'published' },
      { year: 2026, value: 85, from: 'answers', rate: 85, answers: 100, lastQuarter: 3 },
    ]);
    expect(communeSipas([], [])).toEqual([]);
  });
});
