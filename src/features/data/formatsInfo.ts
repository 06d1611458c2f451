// The import formats as the page shows them: canonical column labels and template sources (src/ingest/formats).
import type { Locale } from '../../i18n/format';
import type { TemplateFormat } from './templates';

// INTERIM until src/ingest/formats/index.ts lands: read it if present.
const mods = import.meta.glob<{ FORMATS: unknown }>('../../ingest/formats/index.ts', { eager: true });
const raw = Object.values(mods)[0]?.FORMATS;

/** FORMATS as a list, whether the pipeline exports it as an array or keyed by kind. */
export const formatList: TemplateFormat[] = (Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? Object.values(raw) : []) as TemplateFormat[];

/** "Mã đơn vị (unit_code)" for a canonical column of a kind; the bare name when the format does not list it. */
export function canonicalLabel(kind: string, canonical: string, locale: Locale): string {
  const col = formatList.find((f) => f.kind === kind)?.columns.find((c) => c.key === canonical);
  if (!col) return canonical;
  return locale === 'vi' ? `${col.vi} (${canonical})` : `${canonical} (${col.vi})`;
}
