// The tables an analyst may query: theirs first, then the app's with what each column holds. Opening a table shows its
// first rows; "Tóm tắt" runs SUMMARIZE on it.
import { useI18n, type Translate } from '../../i18n/i18n';
import { formatInteger } from '../../i18n/format';
import type { MessageKey } from '../../i18n/vi';
import { viWorkbench } from './messages';
import type { QueryableTable } from './queries';

/** What the app says of one of its tables, or of a column (its own note, else the note of that column name). */
export function docOf(t: Translate, table: QueryableTable, column?: string): string | undefined {
  if (table.own) return undefined;
  const keys = column ? [`workbench.c.${table.name}.${column}`, `workbench.c.${column}`] : [`workbench.t.${table.name}`];
  const key = keys.find((k) => k in viWorkbench);
  return key ? t(key as MessageKey) : undefined;
}

interface Props {
  tables: readonly QueryableTable[] | null;
  onPreview(table: QueryableTable): void;
  onSummarize(table: QueryableTable): void;
}

export function TableList({ tables, onPreview, onSummarize }: Props) {
  const { t, locale } = useI18n();
  if (!tables)
    return (
      <p className="note" aria-busy="true">
        {t('workbench.tables.loading')}
      </p>
    );
  const own = tables.filter((x) => x.own);
  const app = tables.filter((x) => !x.own);
  const item = (x: QueryableTable) => (
    <li key={`${x.schema}.${x.name}`}>
      <details data-testid="table-item" data-table={x.name} onToggle={(e) => (e.currentTarget.open ? onPreview(x) : undefined)}>
        <summary>
          <code className="wb-table-name">{x.name}</code> <span className="note">{t('workbench.tables.rows', { n: formatInteger(x.rows, locale) })}</span>
        </summary>
        {x.fileName && <p className="note">{t('workbench.tables.fromFile', { file: x.fileName })}</p>}
        {docOf(t, x) && <p className="note">{docOf(t, x)}</p>}
        <table className="wb-columns" aria-label={t('workbench.tables.columns', { table: x.name })}>
          <tbody>
            {x.columns.map((c) => (
              <tr key={c.name} title={docOf(t, x, c.name)}>
                <td>
                  <code>{c.name}</code>
                </td>
                <td className="wb-type">{c.type}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="wb-table-tools">
          <button type="button" className="btn-small" onClick={() => onPreview(x)} data-testid="table-preview">
            {t('workbench.tables.preview')}
          </button>
          <button type="button" className="btn-small" onClick={() => onSummarize(x)} title={t('workbench.tables.summarizeTitle')} data-testid="table-summarize">
            {t('workbench.tables.summarize')}
          </button>
        </p>
      </details>
    </li>
  );
  return (
    <div className="wb-tables" data-testid="table-list">
      <h2>{t('workbench.tables.own')}</h2>
      {own.length ? <ul>{own.map(item)}</ul> : <p className="note">{t('workbench.tables.ownNone')}</p>}
      <h2>{t('workbench.tables.app')}</h2>
      <p className="note">{t('workbench.tables.appNote')}</p>
      <ul>{app.map(item)}</ul>
    </div>
  );
}
