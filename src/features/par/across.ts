// Commune-wide figures from a scored year (pure; tested in across.test.ts).
import { compareCodes, round2 } from '../../domain/parScoring';
import type { ParYear } from './model';

export interface GapRow {
  unitCode: string;
  unitName: string;
  /** Self and appraised index over the leaves that have both scores, so a half-finished appraisal compares like with like. */
  selfIndex: number;
  appraisedIndex: number;
  gapPoints: number;
}

export function selfVsAppraisedRows(m: ParYear): GapRow[] {
  const out: GapRow[] = [];
  for (const u of m.units) {
    let max = 0,
      self = 0,
      appr = 0;
    for (const n of u.score.nodes) {
      if (!n.leaf || !n.applicable || n.self === null || n.appraised === null) continue;
      max += n.max;
      self += n.self;
      appr += n.appraised;
    }
    if (max > 0)
      out.push({
        unitCode: u.unitCode,
        unitName: u.unitName,
        selfIndex: round2((self / max) * 100),
        appraisedIndex: round2((appr / max) * 100),
        gapPoints: round2(self - appr),
      });
  }
  return out.sort((a, b) => b.selfIndex - b.appraisedIndex - (a.selfIndex - a.appraisedIndex) || a.unitName.localeCompare(b.unitName, 'vi'));
}

/** Points lost per lĩnh vực over every unit's appraised leaves, and as % of the max those leaves carry. */
export function domainLosses(m: ParYear): { code: string; name: string; lost: number; pctLost: number }[] {
  const acc = new Map<string, { lost: number; max: number }>();
  for (const u of m.units) {
    for (const n of u.score.nodes) {
      if (!n.leaf || !n.applicable || n.appraised === null) continue;
      const d = n.code.split('.')[0]!;
      const a = acc.get(d) ?? { lost: 0, max: 0 };
      a.lost += n.max - n.appraised;
      a.max += n.max;
      acc.set(d, a);
    }
  }
  return m.criteria
    .filter((c) => !c.code.includes('.'))
    .sort((a, b) => compareCodes(a.code, b.code))
    .map((c) => {
      const a = acc.get(c.code) ?? { lost: 0, max: 0 };
      return { code: c.code, name: c.name, lost: round2(a.lost), pctLost: a.max > 0 ? round2((a.lost / a.max) * 100) : 0 };
    })
    .sort((a, b) => b.lost - a.lost || compareCodes(a.code, b.code));
}
