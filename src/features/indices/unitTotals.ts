// Fetching an index's rows once; everything after this is pure (model.ts, src/domain).
import type { Db } from '../../db/types';
import type { IndexCode } from '../../domain/indices';
import { isProvince, type Crosswalk } from '../../domain/merger';
import type { UnitTotal } from '../../domain/trend';
import { run } from '../../sql/sql';
import { toCrosswalk, toUnitTotals } from './model';
import {
  answerSourcesQuery,
  componentsQuery,
  provinceRefsQuery,
  sipasPooledQuery,
  sourcesQuery,
  summedComponentsQuery,
  unitNameQuery,
  unitTotalsQuery,
  type ComponentRow,
  type ComponentTotalRow,
  type ProvinceRefRow,
  type LevelSources,
  type SipasYearRow,
  type SourceRow,
  type UnitTotalRow,
} from './queries';

export async function fetchUnitTotals(db: Db, index: IndexCode): Promise<UnitTotal[]> {
  return toUnitTotals(await run<UnitTotalRow>(db, unitTotalsQuery(index)));
}

export function fetchComponents(db: Db, index: IndexCode): Promise<ComponentRow[]> {
  return run<ComponentRow>(db, componentsQuery(index));
}

/** Components summed from their parts (PAPI dimensions), complete-flagged; none for other indices. */
export function fetchSummedComponents(db: Db, index: IndexCode): Promise<ComponentTotalRow[]> {
  return run<ComponentTotalRow>(db, summedComponentsQuery(index));
}

export async function fetchCrosswalk(db: Db): Promise<Crosswalk> {
  return toCrosswalk(await run<ProvinceRefRow>(db, provinceRefsQuery));
}

/** SIPAS per year from the answers of a commune's units (every answer when `commune` is null). */
export function fetchSipasPooled(db: Db, commune: string | null): Promise<SipasYearRow[]> {
  return run<SipasYearRow>(db, sipasPooledQuery(commune));
}

export async function fetchSources(db: Db, index: IndexCode, cw: Crosswalk): Promise<LevelSources> {
  const rows = await run<SourceRow>(db, sourcesQuery(index));
  const at = (province: boolean) => [...new Set(rows.filter((r) => isProvince(cw, r.unit_name ?? r.unit_code, r.unit_code) === province).map((r) => r.source))];
  return { province: at(true), local: at(false) };
}

/** Where the SIPAS answers came from (the files' sources, else their names). */
export async function fetchAnswerSources(db: Db): Promise<string[]> {
  return (await run<{ source: string }>(db, answerSourcesQuery)).map((r) => r.source);
}

/** A unit's name (units catalogue first, else its index rows); null when neither knows the code. */
export async function fetchUnitName(db: Db, code: string): Promise<string | null> {
  return (await run<{ unit_name: string }>(db, unitNameQuery(code)))[0]?.unit_name ?? null;
}
