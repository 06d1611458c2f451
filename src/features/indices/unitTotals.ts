import type { Db } from '../../db/types';
import type { IndexCode } from '../../domain/indices';
import type { UnitTotal } from '../../domain/trend';
import { UNIT_TOTALS_SQL, type UnitTotalRow } from './queries';

export async function fetchUnitTotals(db: Db, index: IndexCode): Promise<UnitTotal[]> {
  const rows = await db.query<UnitTotalRow>(UNIT_TOTALS_SQL, [index]);
  return rows.map((r) => ({ year: r.year, unitCode: r.unit_code, unitName: r.unit_name, total: r.total, nPresent: r.n_present, nExpected: r.n_expected }));
}
