import { describe, expect, it } from 'vitest';
import {
  moreOfTotal,
  parseComparison,
  parseMeasure,
  parsePlanLevel,
  parseThreshold,
  periodEnd,
  periodOfDay,
  periodsOfYear,
  periodsWithin,
  sipasTargetRow,
  targetStatus,
  trendOf,
  deltaIsGood,
} from './plan';

const num = (value: number) => ({ kind: 'number' as const, value });

describe('comparisons as plans write them', () => {
  it('reads the words and the symbols', () => {
    expect(parseComparison('trên')).toBe('>');
    expect(parseComparison('Trên')).toBe('>');
    expect(parseComparison('>')).toBe('>');
    expect(parseComparison('từ … trở lên')).toBe('>=');
    expect(parseComparison('Đạt')).toBe('>=');
    expect(parseComparison('≥')).toBe('>=');
    expect(parseComparison('không quá')).toBe('<=');
    expect(parseComparison('≤')).toBe('<=');
    expect(parseComparison('bằng')).toBe('=');
    expect(parseComparison('khoảng')).toBeNull();
    expect(parseComparison('')).toBeNull();
  });
});

describe('status of a target in a period', () => {
  it('"trên 90%" at exactly 90.00% of a fixed N: chưa đạt, and one more of the 100 is needed', () => {
    const s = targetStatus({ kind: 'count', k: 90, n: 100, survey: false }, '>', num(90));
    expect(s.state).toBe('notMet');
    expect(s.holds).toBe(false);
    expect(s.value).toBe(90);
    expect(s.needed).toBe(1); // 91 of 100 = 91% > 90%
    // "từ 90% trở lên" is met by the same 90 of 100
    expect(targetStatus({ kind: 'count', k: 90, n: 100, survey: false }, '>=', num(90))).toMatchObject({ state: 'met', needed: 0 });
  });

  it('"trên 90%" at exactly 90.00% of a survey: the point value has not met it, the interval holds 90: chưa chắc', () => {
    const s = targetStatus({ kind: 'count', k: 9000, n: 10000, survey: true }, '>', num(90));
    expect(s.holds).toBe(false);
    expect(s.state).toBe('uncertain');
    // Wilson 95%: 90 ± 1.96·√(0.09/10000)·… ≈ 89.41–90.58
    expect(s.interval!.lo).toBeCloseTo(89.41, 1);
    expect(s.interval!.hi).toBeCloseTo(90.58, 1);
    expect(s.needed).toBe(1); // 9001 of 10001 = 90.001% > 90%
  });

  it('a survey far from the threshold is đạt or chưa đạt, with the satisfied answers still needed', () => {
    expect(targetStatus({ kind: 'count', k: 950, n: 1000, survey: true }, '>', num(90))).toMatchObject({ state: 'met', needed: 0 });
    const below = targetStatus({ kind: 'count', k: 800, n: 1000, survey: true }, '>=', num(90));
    expect(below.state).toBe('notMet');
    expect(below.needed).toBe(1000); // (800 + 1000) ÷ (1000 + 1000) = 90%
    expect(targetStatus({ kind: 'count', k: 800, n: 1000, survey: true }, '>', num(90)).needed).toBe(1001);
  });

  it('44 of 50 answers against 90%: 88%, interval 76–94% holds 90: chưa chắc; 10 more for ≥, 11 for "trên"', () => {
    const ge = targetStatus({ kind: 'count', k: 44, n: 50, survey: true }, '>=', num(90));
    expect(ge.state).toBe('uncertain');
    expect(ge.value).toBe(88);
    expect(ge.needed).toBe(10); // 54 ÷ 60 = 90%
    expect(targetStatus({ kind: 'count', k: 44, n: 50, survey: true }, '>', num(90)).needed).toBe(11); // 55 ÷ 61 = 90.16%
  });

  it('"không quá 5%" and "= 100%"', () => {
    expect(targetStatus({ kind: 'count', k: 4, n: 100, survey: false }, '<=', num(5))).toMatchObject({ state: 'met', needed: null });
    expect(targetStatus({ kind: 'count', k: 6, n: 100, survey: false }, '<=', num(5))).toMatchObject({ state: 'notMet', needed: null });
    expect(targetStatus({ kind: 'count', k: 5, n: 100, survey: false }, '<=', num(5)).state).toBe('met');
    expect(targetStatus({ kind: 'count', k: 100, n: 100, survey: false }, '=', num(100)).state).toBe('met');
    expect(targetStatus({ kind: 'count', k: 99, n: 100, survey: false }, '=', num(100)).state).toBe('notMet');
  });

  it('100% of a fixed N: the missing ones; "trên 100%" cannot be reached', () => {
    expect(targetStatus({ kind: 'count', k: 95, n: 120, survey: false }, '>=', num(100)).needed).toBe(25);
    expect(moreOfTotal(95, 120, '>', 100)).toBeNull();
    expect(moreOfTotal(0, 3, '>=', 50)).toBe(2); // 2 of 3 = 66.7% ≥ 50%; 1 of 3 is not
    expect(moreOfTotal(1, 2, '>', 50)).toBe(1);
  });

  it('scores at their published decimals, ranks and bands', () => {
    expect(targetStatus({ kind: 'value', value: 70, decimals: 2 }, '>=', num(70)).state).toBe('met');
    expect(targetStatus({ kind: 'value', value: 70, decimals: 2 }, '>', num(70)).state).toBe('notMet');
    expect(targetStatus({ kind: 'value', value: 69.994, decimals: 2 }, '>=', num(70)).state).toBe('notMet');
    expect(targetStatus({ kind: 'value', value: 12, decimals: 0 }, '<=', num(10)).state).toBe('notMet');
    expect(targetStatus({ kind: 'value', value: 10, decimals: 0 }, '<=', num(10)).state).toBe('met');
    expect(targetStatus({ kind: 'band', band: 'good', index: 84.5 }, '>=', { kind: 'band', band: 'good' })).toMatchObject({ state: 'met', value: 84.5 });
    expect(targetStatus({ kind: 'band', band: 'fair', index: 75 }, '>=', { kind: 'band', band: 'good' }).state).toBe('notMet');
    expect(targetStatus({ kind: 'band', band: 'excellent', index: 91 }, '>', { kind: 'band', band: 'good' }).state).toBe('met');
  });

  it('without data: chưa có số liệu', () => {
    expect(targetStatus(null, '>', num(90)).state).toBe('noData');
    expect(targetStatus({ kind: 'count', k: 0, n: 0, survey: true }, '>', num(90)).state).toBe('noData');
  });

  it("the SIPAS target is one row: the commune's satisfaction, quarterly, as the settings say", () => {
    expect(sipasTargetRow(2026, 90, '>')).toMatchObject({
      code: 'SIPAS',
      datasetId: null,
      measure: { kind: 'sipas' },
      unit: null,
      op: '>',
      threshold: num(90),
      level: 'quarter',
    });
  });
});

describe('measures and thresholds', () => {
  it("reads the app's measures; any other word is an entered indicator", () => {
    expect(parseMeasure('SIPAS')).toEqual({ kind: 'sipas' });
    expect(parseMeasure('Mức độ hài lòng')).toEqual({ kind: 'sipas' });
    expect(parseMeasure('PAR')).toEqual({ kind: 'par' });
    expect(parseMeasure('Xếp loại PAR')).toEqual({ kind: 'parBand' });
    expect(parseMeasure('pci')).toEqual({ kind: 'index', index: 'PCI', what: 'score' });
    expect(parseMeasure('PCI_RANK')).toEqual({ kind: 'index', index: 'PCI', what: 'rank' });
    expect(parseMeasure('Xếp hạng DTI')).toEqual({ kind: 'index', index: 'DTI', what: 'rank' });
    expect(parseMeasure(' DVC_TOAN_TRINH ')).toEqual({ kind: 'indicator', code: 'DVC_TOAN_TRINH' });
    expect(parseMeasure('  ')).toBeNull();
  });

  it("takes a threshold only within the measure's scale", () => {
    expect(parseThreshold({ kind: 'sipas' }, '90')).toEqual(num(90));
    expect(parseThreshold({ kind: 'sipas' }, '92,5%')).toEqual(num(92.5));
    expect(parseThreshold({ kind: 'sipas' }, '101')).toBeNull();
    expect(parseThreshold({ kind: 'index', index: 'DTI', what: 'score' }, '0,75')).toEqual(num(0.75));
    expect(parseThreshold({ kind: 'index', index: 'DTI', what: 'score' }, '75')).toBeNull();
    expect(parseThreshold({ kind: 'index', index: 'PAPI', what: 'score' }, '45')).toEqual(num(45));
    expect(parseThreshold({ kind: 'index', index: 'PCI', what: 'rank' }, '10')).toEqual(num(10));
    expect(parseThreshold({ kind: 'index', index: 'PCI', what: 'rank' }, '10,5')).toBeNull();
    expect(parseThreshold({ kind: 'parBand' }, 'Tốt')).toEqual({ kind: 'band', band: 'good' });
    expect(parseThreshold({ kind: 'parBand' }, '90')).toBeNull();
    expect(parseThreshold({ kind: 'indicator', code: 'X' }, 'nhiều')).toBeNull();
  });
});

describe('periods of a plan', () => {
  it('levels as plans write them', () => {
    expect(parsePlanLevel('Quý')).toBe('quarter');
    expect(parsePlanLevel('6 tháng')).toBe('half');
    expect(parsePlanLevel('Năm')).toBe('year');
    expect(parsePlanLevel('tháng')).toBeNull();
  });

  it('the periods of a year, their last days, and the periods within one', () => {
    expect(periodsOfYear(2026, 'quarter')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(periodsOfYear(2026, 'half')).toEqual(['2026-H1', '2026-H2']);
    expect(periodsOfYear(2026, 'year')).toEqual(['2026']);
    expect(periodEnd('2026-Q1')).toBe('2026-03-31');
    expect(periodEnd('2026-H1')).toBe('2026-06-30');
    expect(periodEnd('2026-Q3')).toBe('2026-09-30');
    expect(periodEnd('2026')).toBe('2026-12-31');
    expect(periodEnd('2026-X')).toBeNull();
    expect(periodOfDay('2026-05-04', 'quarter')).toBe('2026-Q2');
    expect(periodOfDay('2026-07-01', 'half')).toBe('2026-H2');
    expect(periodsWithin('2026-H2', 'quarter')).toEqual(['2026-Q3', '2026-Q4']);
    expect(periodsWithin('2026', 'half')).toEqual(['2026-H1', '2026-H2']);
    expect(periodsWithin('2026-Q1', 'year')).toEqual([]);
  });
});

describe('trend', () => {
  it('the latest value against the one before it, gaps skipped', () => {
    const t = trendOf([
      { period: '2026-Q1', value: 88.5 },
      { period: '2026-Q2', value: null },
      { period: '2026-Q3', value: 91 },
    ]);
    expect(t.latest?.period).toBe('2026-Q3');
    expect(t.previous?.period).toBe('2026-Q1');
    expect(t.delta).toBeCloseTo(2.5, 10);
    expect(deltaIsGood(2.5, '>')).toBe(true);
    expect(deltaIsGood(-3, '<=')).toBe(true);
    expect(deltaIsGood(0, '>')).toBeNull();
  });
});
