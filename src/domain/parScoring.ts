// PAR Index scoring of one unit from its criteria tree and scores (../shared/domain.md, issue 6).
// Points count only over applicable LEAF criteria; parents show the sums of their children;
// the index is points ÷ that unit's applicable max × 100, published with two decimals.
import { competitionRanks } from './stats';

export interface ParCriterion {
  code: string; // '3' lĩnh vực, '3.2' tiêu chí, '3.2.1' tiêu chí thành phần
  name: string;
  max: number;
}

export interface ParScore {
  criterion: string;
  applicable: boolean;
  self: number | null;
  appraised: number | null;
  evidence?: string | null;
  note?: string | null;
  editedAt?: string | null;
}

export interface ParNode {
  code: string;
  name: string;
  parent: string | null;
  depth: number; // 0 = lĩnh vực
  leaf: boolean;
  /** The criterion's own max points, as in the tree. */
  max: number;
  /** Max over the applicable leaves beneath (a leaf: its max, or 0 when not applicable). */
  applicableMax: number;
  /** False when every leaf beneath is "không áp dụng". */
  applicable: boolean;
  self: number | null;
  appraised: number | null;
  /** Applicable leaves beneath with no self score / no appraised score / no evidence. */
  missingSelf: number;
  missingAppraised: number;
  missingEvidence: number;
  evidence: string | null;
  note: string | null;
  editedAt: string | null;
}

export interface UnitScore {
  nodes: ParNode[]; // in tree order
  byCode: Map<string, ParNode>;
  applicableMax: number;
  selfPoints: number;
  appraisedPoints: number;
  /** Self points ÷ applicable max × 100, two decimals; null when nothing applies. */
  selfIndex: number | null;
  /** Only when every applicable leaf is appraised; otherwise null and `missingAppraised` says how many are left. */
  appraisedIndex: number | null;
  missingAppraised: number;
  missingSelf: number;
  missingEvidence: number;
}

/** Two decimals as published; the epsilon keeps 89.995 from becoming 89.99 through binary rounding. */
export function round2(v: number): number {
  return Math.round((v + Math.sign(v) * 1e-9) * 100) / 100;
}

function parentCode(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i < 0 ? null : code.slice(0, i);
}

/** Orders criteria codes as the tree reads: 1, 1.1, 1.1.1, 1.2, …, 2, 10. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.'),
    pb = b.split('.');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const na = Number(pa[i]),
      nb = Number(pb[i]);
    const d = Number.isFinite(na) && Number.isFinite(nb) ? na - nb : pa[i]!.localeCompare(pb[i]!);
    if (d !== 0) return d;
  }
  return pa.length - pb.length;
}

function leafCodes(criteria: readonly ParCriterion[]): Set<string> {
  const parents = new Set(criteria.map((c) => parentCode(c.code)).filter((p): p is string => p !== null));
  return new Set(criteria.filter((c) => !parents.has(c.code)).map((c) => c.code));
}

const sumOrNull = (vals: (number | null)[]) => (vals.some((v) => v !== null) ? vals.reduce<number>((a, v) => a + (v ?? 0), 0) : null);

export function scoreUnit(criteria: readonly ParCriterion[], scores: readonly ParScore[]): UnitScore {
  const sorted = [...criteria].sort((a, b) => compareCodes(a.code, b.code));
  const leaves = leafCodes(sorted);
  const scoreOf = new Map(scores.map((s) => [s.criterion, s]));
  const byCode = new Map<string, ParNode>();
  const children = new Map<string, string[]>();
  for (const c of sorted) {
    const p = parentCode(c.code);
    if (p !== null) children.set(p, [...(children.get(p) ?? []), c.code]);
  }
  // Leaves first, then parents from the deepest up, so each parent sums finished children.
  const build = (code: string): ParNode => {
    const done = byCode.get(code);
    if (done) return done;
    const c = sorted.find((x) => x.code === code)!;
    const s = scoreOf.get(code);
    const base = {
      code,
      name: c.name,
      parent: parentCode(code),
      depth: code.split('.').length - 1,
      max: c.max,
      evidence: s?.evidence ?? null,
      note: s?.note ?? null,
      editedAt: s?.editedAt ?? null,
    };
    let node: ParNode;
    if (leaves.has(code)) {
      const applicable = s ? s.applicable : true; // a leaf with no row applies and is simply not scored yet
      node = {
        ...base,
        leaf: true,
        applicable,
        applicableMax: applicable ? c.max : 0,
        self: applicable ? (s?.self ?? null) : null,
        appraised: applicable ? (s?.appraised ?? null) : null,
        missingSelf: applicable && (s?.self ?? null) === null ? 1 : 0,
        missingAppraised: applicable && (s?.appraised ?? null) === null ? 1 : 0,
        missingEvidence: applicable && !(s?.evidence ?? '').trim() ? 1 : 0,
      };
    } else {
      const kids = (children.get(code) ?? []).map(build);
      const appl = kids.filter((k) => k.applicable);
      node = {
        ...base,
        leaf: false,
        applicable: appl.length > 0,
        applicableMax: appl.reduce((a, k) => a + k.applicableMax, 0),
        self: sumOrNull(appl.map((k) => k.self)),
        appraised: sumOrNull(appl.map((k) => k.appraised)),
        missingSelf: appl.reduce((a, k) => a + k.missingSelf, 0),
        missingAppraised: appl.reduce((a, k) => a + k.missingAppraised, 0),
        missingEvidence: appl.reduce((a, k) => a + k.missingEvidence, 0),
      };
    }
    byCode.set(code, node);
    return node;
  };
  const nodes = sorted.map((c) => build(c.code));
  const applicableLeaves = nodes.filter((n) => n.leaf && n.applicable);
  const applicableMax = applicableLeaves.reduce((a, n) => a + n.max, 0);
  const selfPoints = applicableLeaves.reduce((a, n) => a + (n.self ?? 0), 0);
  const appraisedPoints = applicableLeaves.reduce((a, n) => a + (n.appraised ?? 0), 0);
  const missingAppraised = applicableLeaves.filter((n) => n.appraised === null).length;
  return {
    nodes,
    byCode,
    applicableMax,
    selfPoints,
    appraisedPoints,
    selfIndex: applicableMax > 0 ? round2((selfPoints / applicableMax) * 100) : null,
    appraisedIndex: applicableMax > 0 && missingAppraised === 0 ? round2((appraisedPoints / applicableMax) * 100) : null,
    missingAppraised,
    missingSelf: applicableLeaves.filter((n) => n.self === null).length,
    missingEvidence: applicableLeaves.filter((n) => !(n.evidence ?? '').trim()).length,
  };
}

/** Percentage of a node's applicable max (for the matrix), two decimals. */
export function pctOfMax(points: number | null, max: number): number | null {
  return points === null || max <= 0 ? null : round2((points / max) * 100);
}

// ---- Ranks and bands ----

/** Competition ranks by appraised index (ties share a rank); units not fully appraised get none. */
export function rankByIndex(units: readonly { unitCode: string; index: number | null }[]): Map<string, number> {
  const ranked = units.filter((u): u is { unitCode: string; index: number } => u.index !== null);
  const ranks = competitionRanks(
    ranked.map((u) => u.index),
    2,
  );
  return new Map(ranked.map((u, i) => [u.unitCode, ranks[i]!]));
}

/** The lowest index of each band (Xuất sắc, Tốt, Khá, Trung bình ≥; below: Yếu). Provinces set their own: a setting. */
export interface BandCutoffs {
  excellent: number;
  good: number;
  fair: number;
  average: number;
}

export const BANDS = ['excellent', 'good', 'fair', 'average', 'weak'] as const;
export type Band = (typeof BANDS)[number];

export function bandOf(index: number, cut: BandCutoffs): Band {
  const v = round2(index);
  if (v >= cut.excellent) return 'excellent';
  if (v >= cut.good) return 'good';
  if (v >= cut.fair) return 'fair';
  if (v >= cut.average) return 'average';
  return 'weak';
}

function cutoffOf(band: Band, cut: BandCutoffs): number | null {
  return band === 'weak' ? null : cut[band];
}

interface NextBand {
  band: Band;
  threshold: number;
  /** Points to add to the unit's total to reach the threshold (rounded up to 0.01). */
  pointsNeeded: number;
}

/** The next band up and the points it takes, or null when already at the top. */
export function nextBand(points: number, applicableMax: number, cut: BandCutoffs): NextBand | null {
  if (applicableMax <= 0) return null;
  const current = bandOf((points / applicableMax) * 100, cut);
  const i = BANDS.indexOf(current);
  if (i === 0) return null;
  const band = BANDS[i - 1]!;
  const threshold = cutoffOf(band, cut)!;
  const exact = (threshold / 100) * applicableMax - points;
  return { band, threshold, pointsNeeded: Math.max(0.01, Math.ceil(round2(exact * 100) - 1e-9) / 100) };
}

// ---- Where the points went ----

export interface LeafGap {
  code: string;
  name: string;
  max: number;
  self: number | null;
  appraised: number | null;
  /** lost: max − appraised; headroom: max − (appraised, else self); overstated: self − appraised. */
  value: number;
}

const leafRow = (n: ParNode, value: number): LeafGap => ({ code: n.code, name: n.name, max: n.max, self: n.self, appraised: n.appraised, value });
const byValue = (a: LeafGap, b: LeafGap) => b.value - a.value || compareCodes(a.code, b.code);

/** Applicable appraised leaves by points lost (max − appraised), largest first. */
export function lostPoints(u: UnitScore): LeafGap[] {
  return u.nodes
    .filter((n) => n.leaf && n.applicable && n.appraised !== null && n.max - n.appraised! > 0)
    .map((n) => leafRow(n, round2(n.max - n.appraised!)))
    .sort(byValue);
}

/** Room to gain per leaf: max − appraised (or − self while not yet appraised), largest first. */
export function headroom(u: UnitScore): LeafGap[] {
  return u.nodes
    .filter((n) => n.leaf && n.applicable)
    .map((n) => leafRow(n, round2(n.max - (n.appraised ?? n.self ?? 0))))
    .filter((g) => g.value > 0)
    .sort(byValue);
}

/** Where the self-assessment claimed more than the appraisal gave, largest first. */
export function overstated(u: UnitScore): LeafGap[] {
  return u.nodes
    .filter((n) => n.leaf && n.applicable && n.self !== null && n.appraised !== null && n.self - n.appraised > 0)
    .map((n) => leafRow(n, round2(n.self! - n.appraised!)))
    .sort(byValue);
}

/** Self − appraised over the leaves that have both (positive: the unit over-scored itself). */
export function selfAppraisedGap(u: UnitScore): number {
  return round2(u.nodes.filter((n) => n.leaf && n.applicable && n.self !== null && n.appraised !== null).reduce((a, n) => a + n.self! - n.appraised!, 0));
}

/** Points lost per criterion summed over units (where to act commune-wide), largest first. */
export function lostAcrossUnits(units: readonly UnitScore[]): { code: string; name: string; lost: number; units: number }[] {
  const acc = new Map<string, { code: string; name: string; lost: number; units: number }>();
  for (const u of units) {
    for (const g of lostPoints(u)) {
      const a = acc.get(g.code) ?? { code: g.code, name: g.name, lost: 0, units: 0 };
      a.lost += g.value;
      a.units += 1;
      acc.set(g.code, a);
    }
  }
  return [...acc.values()].map((a) => ({ ...a, lost: round2(a.lost) })).sort((a, b) => b.lost - a.lost || compareCodes(a.code, b.code));
}
