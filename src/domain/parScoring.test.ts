import { describe, expect, it } from 'vitest';
import {
  bandOf,
  compareCodes,
  headroom,
  lostAcrossUnits,
  lostPoints,
  nextBand,
  overstated,
  rankByIndex,
  scoreUnit,
  selfAppraisedGap,
  type ParCriterion,
  type ParScore,
} from './parScoring';
import { parseScoreInput } from './parInput';

const CUT = { excellent: 90, good: 80, fair: 70, average: 50 };

// 1 (10) ─ 1.1 (6) ─ 1.1.1 (4), 1.1.2 (2);  1.2 (4)   ·   2 (5) ─ 2.1 (3), 2.2 (2)
const TREE: ParCriterion[] = [
  { code: '2.2', name: 'B2', max: 2 },
  { code: '1', name: 'A', max: 10 },
  { code: '1.1', name: 'A1', max: 6 },
  { code: '1.1.1', name: 'A11', max: 4 },
  { code: '1.1.2', name: 'A12', max: 2 },
  { code: '1.2', name: 'A2', max: 4 },
  { code: '2', name: 'B', max: 5 },
  { code: '2.1', name: 'B1', max: 3 },
];
const s = (criterion: string, self: number | null, appraised: number | null, evidence: string | null = 'tl'): ParScore => ({
  criterion,
  applicable: true,
  self,
  appraised,
  evidence,
});
const UNIT_A: ParScore[] = [
  s('1.1.1', 4, 3),
  s('1.1.2', 2, 1.5, ''),
  s('1.2', 3, 3),
  { criterion: '2.1', applicable: false, self: null, appraised: null },
  s('2.2', 2, 1),
];

describe('scoreUnit', () => {
  const u = scoreUnit(TREE, UNIT_A);
  it('counts only applicable leaves: max 4+2+4+2 = 12 (2.1 "không áp dụng" left out)', () => {
    expect(u.applicableMax).toBe(12);
    expect(u.selfPoints).toBe(11);
    expect(u.appraisedPoints).toBe(8.5);
  });
  it('publishes the indices with two decimals: 11/12 → 91.67, 8.5/12 → 70.83', () => {
    expect(u.selfIndex).toBe(91.67);
    expect(u.appraisedIndex).toBe(70.83);
  });
  it('shows parents as the sums of their children, in tree order', () => {
    expect(u.nodes.map((n) => n.code)).toEqual(['1', '1.1', '1.1.1', '1.1.2', '1.2', '2', '2.1', '2.2']);
    const one = u.byCode.get('1')!;
    expect([one.applicableMax, one.self, one.appraised]).toEqual([10, 9, 7.5]);
    const two = u.byCode.get('2')!;
    expect([two.max, two.applicableMax, two.self, two.appraised]).toEqual([5, 2, 2, 1]);
    expect(u.byCode.get('1.1')!.appraised).toBe(4.5);
    expect(u.byCode.get('2.1')!.applicable).toBe(false);
  });
  it('flags missing evidence on applicable leaves only', () => {
    expect(u.missingEvidence).toBe(1);
    expect(u.byCode.get('1')!.missingEvidence).toBe(1);
  });
  it('gives no appraised index until every applicable leaf is appraised, and counts what is missing', () => {
    const b = scoreUnit(TREE, [s('1.1.1', 4, null), s('1.1.2', 2, 2), { criterion: '2.1', applicable: false, self: null, appraised: null }, s('2.2', 1, 1)]);
    expect(b.appraisedIndex).toBeNull();
    expect(b.missingAppraised).toBe(2); // 1.1.1 not appraised, 1.2 has no row at all
    expect(b.missingSelf).toBe(1); // 1.2
    expect(b.selfIndex).toBe(58.33); // 7 / 12
    expect(b.byCode.get('1')!.missingAppraised).toBe(2);
  });
  it('has no index when nothing applies', () => {
    const n = scoreUnit(
      TREE,
      TREE.map((c) => ({ criterion: c.code, applicable: false, self: null, appraised: null })),
    );
    expect(n.applicableMax).toBe(0);
    expect(n.selfIndex).toBeNull();
    expect(n.appraisedIndex).toBeNull();
  });
});

describe('where the points went', () => {
  const u = scoreUnit(TREE, UNIT_A);
  it('lists lost points largest first, ties by code', () => {
    expect(lostPoints(u).map((g) => [g.code, g.value])).toEqual([
      ['1.1.1', 1],
      ['1.2', 1],
      ['2.2', 1],
      ['1.1.2', 0.5],
    ]);
  });
  it('lists headroom (max − appraised) including leaves not yet appraised (max − self)', () => {
    expect(headroom(u).map((g) => [g.code, g.value])).toEqual([
      ['1.1.1', 1],
      ['1.2', 1],
      ['2.2', 1],
      ['1.1.2', 0.5],
    ]);
    const b = scoreUnit(TREE, [s('1.1.1', 3, null)]);
    expect(headroom(b)[0]).toMatchObject({ code: '1.2', value: 4 });
    expect(headroom(b).find((g) => g.code === '1.1.1')!.value).toBe(1);
  });
  it('finds where the self-assessment overstated and the total gap 11 − 8.5', () => {
    expect(overstated(u).map((g) => g.code)).toEqual(['1.1.1', '2.2', '1.1.2']);
    expect(selfAppraisedGap(u)).toBe(2.5);
  });
  it('sums lost points across units', () => {
    const b = scoreUnit(TREE, [s('1.1.1', 4, 2), s('1.1.2', 2, 2), s('1.2', 4, 4), s('2.1', 3, 3), s('2.2', 2, 2)]);
    expect(lostAcrossUnits([u, b])[0]).toEqual({ code: '1.1.1', name: 'A11', lost: 3, units: 2 });
  });
});

describe('ranks and bands', () => {
  it('ranks by appraised index; ties share a rank; units not fully appraised get none', () => {
    const r = rankByIndex([
      { unitCode: 'a', index: 90 },
      { unitCode: 'b', index: 85.5 },
      { unitCode: 'c', index: 90 },
      { unitCode: 'd', index: null },
    ]);
    expect([r.get('a'), r.get('c'), r.get('b'), r.get('d')]).toEqual([1, 1, 3, undefined]);
  });
  it('puts exactly 90.00 in Xuất sắc and 89.99 in Tốt', () => {
    expect(bandOf(90, CUT)).toBe('excellent');
    expect(bandOf(89.99, CUT)).toBe('good');
    expect(bandOf(80, CUT)).toBe('good');
    expect(bandOf(79.99, CUT)).toBe('fair');
    expect(bandOf(70, CUT)).toBe('fair');
    expect(bandOf(50, CUT)).toBe('average');
    expect(bandOf(49.99, CUT)).toBe('weak');
    // 9 of 10 points is exactly 90.00 after rounding; 45 of 50.005 is 89.99
    expect(bandOf(scoreUnit([{ code: '1', name: 'x', max: 10 }], [s('1', 9, 9)]).appraisedIndex!, CUT)).toBe('excellent');
  });
  it('follows cut-offs from settings', () => {
    expect(bandOf(85, { excellent: 85, good: 75, fair: 65, average: 50 })).toBe('excellent');
  });
  it('says how many points reach the next band: 70.83 needs 9.6 − 8.5 = 1.1 for Tốt', () => {
    expect(nextBand(8.5, 12, CUT)).toEqual({ band: 'good', threshold: 80, pointsNeeded: 1.1 });
    expect(nextBand(89.99, 100, CUT)).toEqual({ band: 'excellent', threshold: 90, pointsNeeded: 0.01 });
    expect(nextBand(90, 100, CUT)).toBeNull();
    expect(nextBand(10, 100, CUT)).toEqual({ band: 'average', threshold: 50, pointsNeeded: 40 });
  });
});

describe('compareCodes', () => {
  it('orders codes numerically by part', () => {
    expect(['10', '2', '1.10', '1.2', '1', '1.2.1'].sort(compareCodes)).toEqual(['1', '1.2', '1.2.1', '1.10', '2', '10']);
  });
});

describe('parseScoreInput', () => {
  it('accepts 0…max with either decimal mark, empty, and "không áp dụng"', () => {
    expect(parseScoreInput('1,5', 2)).toEqual({ ok: true, kind: 'score', value: 1.5 });
    expect(parseScoreInput('2', 2)).toEqual({ ok: true, kind: 'score', value: 2 });
    expect(parseScoreInput('0', 2)).toEqual({ ok: true, kind: 'score', value: 0 });
    expect(parseScoreInput(' ', 2)).toEqual({ ok: true, kind: 'empty' });
    expect(parseScoreInput('Không áp dụng', 2)).toEqual({ ok: true, kind: 'na' });
    // the words a file's cell may say (ingest/sql.ts notApplicable), with or without marks, in any case
    for (const na of ['KHONG AP DUNG', 'không  áp dụng', 'Not applicable', 'K.A.D', 'n/a']) expect(parseScoreInput(na, 2)).toEqual({ ok: true, kind: 'na' });
  });
  it('refuses above max, negative and text', () => {
    expect(parseScoreInput('2.25', 2)).toEqual({ ok: false, reason: 'aboveMax' });
    expect(parseScoreInput('-1', 2)).toEqual({ ok: false, reason: 'negative' });
    expect(parseScoreInput('abc', 2)).toEqual({ ok: false, reason: 'notNumber' });
    expect(parseScoreInput('=1+1', 2)).toEqual({ ok: false, reason: 'notNumber' });
  });
});
