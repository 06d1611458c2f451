// Fictional demo data that steps aside (or, restoring the demo, is left out), in words: "Bộ tiêu chí PAR
// «par_criteria.csv», …, điểm PAR cấp xã, đơn vị trong «commune_indices.csv» (25 dòng)".
import type { Translate } from '../../i18n/i18n';
import type { Locale } from '../../i18n/format';
import { formatInteger } from '../../i18n/format';
import type { DemoAside } from '../../ingest/types';
import type { MessageKey } from '../../i18n/vi';

// Every kind has its catalogue name (kind.* in src/i18n/vi.ts); Catalogue.tsx imports this module, hence no kindKey import.
const kindKey = (k: string) => `kind.${k}` as MessageKey;

export function asideList(t: Translate, locale: Locale, aside: DemoAside): string {
  return [
    ...aside.datasets.map((d) => t('data.asideDataset', { kind: t(kindKey(d.kind)), file: d.file })),
    ...aside.rows.map((r) => t('data.asideRows', { index: r.index, level: t(r.province ? 'data.levelProvince' : 'data.levelLocal'), file: r.file, n: formatInteger(r.count, locale) })),
  ].join('; ');
}

