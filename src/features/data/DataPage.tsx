import type { Route } from '../../app/route';
import { useI18n } from '../../i18n/i18n';
import { useData } from '../../app/DataContext';
import { formatDateTime, formatInteger } from '../../i18n/format';
import type { MessageKey } from '../../i18n/vi';

const KINDS = ['index_scores', 'par_criteria', 'par_scores', 'sipas_responses', 'sipas_items', 'units', 'table'] as const;
const kindKey = (k: string): MessageKey => ((KINDS as readonly string[]).includes(k) ? (`kind.${k}` as MessageKey) : 'kind.table');

export function DataPage({ route }: { route: Route }) {
  void route; // view state (year, unit, period…) comes from the URL
  const { t, locale } = useI18n();
  const { datasets } = useData();
  return (
    <section>
      <h1>{t('data.title')}</h1>
      <p>{t('app.privacy')}</p>
      <h2>{t('data.catalogue')}</h2>
      {datasets.length === 0 ? (
        <p className="empty">{t('data.empty')}</p>
      ) : (
        <table className="data-table" data-testid="catalogue">
          <thead>
            <tr>
              {(['col.kind', 'col.file', 'col.rows', 'col.coverage', 'col.importedAt', 'col.source'] as const).map((k) => <th key={k} scope="col">{t(k)}</th>)}
            </tr>
          </thead>
          <tbody>
            {datasets.map((d) => (
              <tr key={d.id}>
                <td>{t(kindKey(d.kind))}{d.is_demo && <span className="tag">{t('data.demoTag')}</span>}</td>
                <td>{d.file_name}</td>
                <td className="num">{formatInteger(d.row_count, locale)}</td>
                <td>{d.coverage ?? '–'}</td>
                <td>{formatDateTime(new Date(d.imported_at + 'Z'), locale)}</td>
                <td>{d.source ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
