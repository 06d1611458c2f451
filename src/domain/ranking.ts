// A year's ranking: complete units ranked by total (ties share a rank); incomplete ones listed apart, never ranked.
import { competitionRanks } from './stats';
import { isComplete, type UnitTotal } from './trend';

interface RankedUnit extends UnitTotal {
  rank: number | null;
}

export function rankYear(units: readonly UnitTotal[], decimals = 2): RankedUnit[] {
  const complete = units.filter(isComplete);
  const ranks = competitionRanks(
    complete.map((u) => u.total),
    decimals,
  );
  const ranked = complete.map((u, i) => ({ ...u, rank: ranks[i]! })).sort((a, b) => a.rank - b.rank || a.unitName.localeCompare(b.unitName, 'vi'));
  const incomplete = units.filter((u) => !isComplete(u)).map((u) => ({ ...u, rank: null }));
  return [...ranked, ...incomplete.sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'))];
}
