// The import formats as the page shows them: canonical column labels and template sources (src/ingest/formats).
import type { Locale } from '../../i18n/format';
import { FORMATS } from '../../ingest/formats';
import type { TemplateFormat } from './templates';

export const formatList: TemplateFormat[] = Object.values(FORMATS);

/** "Mã đơn vị (unit_code)" for a canonical column of a kind; the bare name when the format does not list it. */
export function canonicalLabel(kind: string, canonical: string, locale: Locale): string {
  const item = /^item:(\d)$/.exec(canonical); // a SIPAS question column (see ingest/importFile.ts)
  if (item) return locale === 'vi' ? `Câu hỏi, yếu tố ${item[1]}` : `Question, element ${item[1]}`;
  const col = formatList.find((f) => f.kind === kind)?.columns.find((c) => c.key === canonical);
  if (!col) return canonical;
  return locale === 'vi' ? `${col.vi} (${canonical})` : `${canonical} (${col.vi})`;
}
