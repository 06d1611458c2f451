// "Danh mục tài liệu kiểm chứng": each document once, with the criteria (and units) it backs.
import { useI18n } from '../../../i18n/i18n';
import { formatBytes, formatDate } from '../../../i18n/format';
import { compareCodes } from '../../../domain/parScoring';
import type { EvidenceDoc, EvidenceLink } from '../../../domain/dossier';

/** An ISO day "2025-03-15" as dd/mm/yyyy. */
export const fmtDay = (iso: string | null, locale: 'vi' | 'en') => (iso ? formatDate(new Date(`${iso}T00:00:00`), locale) : '–');

/** The criteria a document backs, grouped by unit: "Văn phòng: 1.1.1 (Mục II), 1.2". */
export function LinkList({
  links,
  unitNames,
  testId,
  unitCode,
}: {
  links: readonly EvidenceLink[];
  unitNames: ReadonlyMap<string, string>;
  testId?: string;
  unitCode?: string;
}) {
  const byUnit = new Map<string, EvidenceLink[]>();
  for (const l of links)
    if (unitCode === undefined || l.unitCode === unitCode) byUnit.set(`${l.year}|${l.unitCode}`, [...(byUnit.get(`${l.year}|${l.unitCode}`) ?? []), l]);
  const years = new Set(links.map((l) => l.year));
  return (
    <ul className="link-list" data-testid={testId}>
      {[...byUnit].map(([k, ls]) => {
        const { year, unitCode: u } = ls[0]!;
        return (
          <li key={k}>
            {unitCode === undefined && (
              <span className="link-unit">
                {unitNames.get(u) ?? u}
                {years.size > 1 ? ` (${year})` : ''}:{' '}
              </span>
            )}
            {[...ls]
              .sort((a, b) => compareCodes(a.criterion, b.criterion))
              .map((l, i) => (
                <span key={l.criterion} className="link-code" data-code={l.criterion}>
                  {i > 0 ? ', ' : ''}
                  {l.criterion}
                  {l.section ? ` (${l.section})` : ''}
                </span>
              ))}
          </li>
        );
      })}
    </ul>
  );
}

export function DocList({
  entries,
  unitNames,
  unitCode,
  onView,
  testId,
}: {
  entries: readonly { doc: EvidenceDoc; links: EvidenceLink[] }[];
  unitNames: ReadonlyMap<string, string>;
  /** One unit's list: its criteria only, no unit names. */
  unitCode?: string;
  onView: (doc: EvidenceDoc) => void;
  testId: string;
}) {
  const { t, locale } = useI18n();
  if (entries.length === 0)
    return (
      <p className="empty" data-testid={`${testId}-empty`}>
        {t('par.d.listEmpty')}
      </p>
    );
  return (
    <div className="par-scroll">
      <table className="data-table doc-list" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('par.d.col.no')}
            </th>
            <th scope="col">{t('par.d.col.number')}</th>
            <th scope="col">{t('par.d.col.date')}</th>
            <th scope="col">{t('par.d.col.issuer')}</th>
            <th scope="col">{t('par.d.col.title')}</th>
            <th scope="col">{t('par.d.col.file')}</th>
            <th scope="col">{t('par.d.col.criteria')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('par.d.view')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map(({ doc, links }, i) => (
            <tr key={doc.id} data-doc-id={doc.id}>
              <td className="num">{i + 1}</td>
              <td>{doc.number ?? '–'}</td>
              <td className="when">{fmtDay(doc.date, locale)}</td>
              <td>{doc.issuer ?? '–'}</td>
              <td className="doc-title">{doc.title}</td>
              <td className="file-name">
                {doc.fileName}{' '}
                <span className="muted">
                  {t(`par.d.kind.${doc.kind}`)} · {formatBytes(doc.size, locale)}
                </span>
              </td>
              <td>
                <LinkList links={links} unitNames={unitNames} unitCode={unitCode} />
              </td>
              <td>
                <button type="button" onClick={() => onView(doc)} data-testid="doc-view">
                  {t('par.d.view')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
