// Fetching an index's rows once; everything after this is pure (model.ts, src/domain).
import type { Db } from '../../db/types';
import type { IndexCode } from '../../domain/indices';
import type { Crosswalk } from '../../domain/merger';
import type { UnitTotal } from '../../domain/trend';
import { toCrosswalk, toUnitTotals } from './model';
import { SOURCES_SQL, COMPONENTS_SQL, PROVINCE_REFS_SQL, SIPAS_POOLED_SQL, type ComponentRow, type ProvinceRefRow, type SipasYearRow, UNIT_TOTALS_SQL, type UnitTotalRow } from './queries';

export async function fetchUnitTotals(db: Db, index: IndexCode): Promise<UnitTotal[]> {
  return toUnitTotals(await db.query<UnitTotalRow>(UNIT_TOTALS_SQL, [index]));
}

export function fetchComponents(db: Db, index: IndexCode): Promise<ComponentRow[]> {
  return db.query<ComponentRow>(COMPONENTS_SQL, [index]);
}

export async function fetchCrosswalk(db: Db): Promise<Crosswalk> {
  return toCrosswalk(await db.query<ProvinceRefRow>(PROVINCE_REFS_SQL));
}

export function fetchSipasPooled(db: Db, commune: string | null): Promise<SipasYearRow[]> {
  return db.query<SipasYearRow>(SIPAS_POOLED_SQL, [commune, commune, commune, commune]);
}

export async function fetchSources(db: Db, index: IndexCode): Promise<string[]> {
  return (await db.query<{ source: string }>(SOURCES_SQL, [index])).map((r) => r.source);
}
