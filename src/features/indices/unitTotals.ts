// Fetching an index's rows once; everything after this is pure (model.ts, src/domain).
import type { Db } from '../../db/types';
import type { IndexCode } from '../../domain/indices';
import type { Crosswalk } from '../../domain/merger';
import type { UnitTotal } from '../../domain/trend';
import { run } from '../../sql/sql';
import { toCrosswalk, toUnitTotals } from './model';
import {
  componentsQuery, provinceRefsQuery, sipasPooledQuery, sourcesQuery, summedComponentsQuery, unitNameQuery, unitTotalsQuery,
  type ComponentRow, type ComponentTotalRow, type ProvinceRefRow, type SipasYearRow, type UnitTotalRow,
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

export async function fetchSources(db: Db, index: IndexCode): Promise<string[]> {
  return (await run<{ source: string }>(db, sourcesQuery(index))).map((r) => r.source);
}

/** A unit's name (units catalogue first, else its index rows); null when neither knows the code. */
export async function fetchUnitName(db: Db, code: string): Promise<string | null> {
  return (await run<{ unit_name: string }>(db, unitNameQuery(code)))[0]?.unit_name ?? null;
}
