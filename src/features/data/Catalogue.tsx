import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useData } from '../../app/DataContext';
import { formatDateTime, formatInteger } from '../../i18n/format';
import type { MessageKey } from '../../i18n/vi';
import { clearAll, deleteDataset } from '../../store/persist';
import { restoreDemo } from '../../app/lifecycle';
import { asideList } from './asideText';
import { isEmptyAside } from '../../ingest/demoAside';
import type { DatasetInfo } from '../../app/catalogue';
import { KINDS } from '../../domain/kinds';
import { LongTable } from '../../app/ui/LongTable';
import { Progress } from '../../app/ui/Progress';

export const kindKey = (k: string): MessageKey => ((KINDS as readonly string[]).includes(k) ? (`kind.${k}` as MessageKey) : 'kind.table');

type Note = { kind: 'ok' | 'error'; text: string } | null;

const COLUMNS = [
  { key: 'col.kind', by: (d: DatasetInfo) => d.kind },
  { key: 'col.file', by: (d: DatasetInfo) => d.file_name },
  { key: 'col.rows', by: (d: DatasetInfo) => d.row_count },
  { key: 'col.coverage', by: (d: DatasetInfo) => d.coverage ?? '' },
  { key: 'col.importedAt', by: (d: DatasetInfo) => d.imported_at },
  { key: 'col.source', by: (d: DatasetInfo) => d.source ?? '' },
] as const;
type SortKey = (typeof COLUMNS)[number]['key'];

/** Datasets sorted by one column; ties keep the catalogue's order (newest first). */
export function sortDatasets(list: readonly DatasetInfo[], key: SortKey | null, dir: 1 | -1): DatasetInfo[] {
  const col = COLUMNS.find((c) => c.key === key);
  if (!col) return [...list];
  return [...list].sort((a, b) => {
    const x = col.by(a);
    const y = col.by(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'vi');
    return c * dir;
  });
}

/** The loaded datasets, with delete one / delete all / restore the demo. */
export function Catalogue() {
  const { t, locale } = useI18n();
  const { db, datasets, refresh } = useData();
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState<Note>(null);
  const [waiting, setWaiting] = useState(false); // for another change to the data (this tab's import, another tab)
  const wait = { onWait: setWaiting };
  const [sort, setSort] = useState<{ key: SortKey | null; dir: 1 | -1 }>({ key: null, dir: 1 });
  const sorted = sortDatasets(datasets, sort.key, sort.dir);
  const sortBy = (key: SortKey) => setSort((s) => ({ key, dir: s.key === key && s.dir === 1 ? -1 : 1 }));

  async function act<T>(label: string, fn: () => Promise<T>, done: string | ((result: T) => string)) {
    if (!db) return;
    setBusy(label);
    setNote(null);
    try {
      const result = await fn();
      setNote({ kind: 'ok', text: typeof done === 'string' ? done : done(result) });
    } catch (e) {
      console.error(e);
      setNote({ kind: 'error', text: t('data.actionFailed', { message: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setWaiting(false);
      await refresh();
      setBusy(null);
    }
  }

  const remove = (d: DatasetInfo) => {
    if (!db || !window.confirm(t('data.confirmDelete', { file: d.file_name, rows: formatInteger(d.row_count, locale) }))) return;
    void act(`delete:${d.id}`, () => deleteDataset(db, d.id, wait), t('data.deleted', { file: d.file_name }));
  };
  const removeAll = () => {
    if (!db || !window.confirm(t('data.confirmClearAll', { n: datasets.length }))) return;
    void act('clear', () => clearAll(db, wait), t('data.cleared'));
  };
  // What of the demo would mix with the user's own data is not brought back: the note says what was left out.
  const demo = () => db && void act('demo', () => restoreDemo(db, wait), (leftOut) =>
    isEmptyAside(leftOut) ? t('data.demoRestored') : t('data.demoRestoredExcept', { list: asideList(t, locale, leftOut) }));

  return (
    <div className="catalogue" data-testid="catalogue" aria-busy={busy !== null}>
      {datasets.length === 0 ? (
        <p className="empty" data-testid="catalogue-empty">{t('data.empty')} {t('data.emptyHint')}</p>
      ) : (
        <div className="table-scroll">
          <LongTable className="data-table" columns={COLUMNS.length + 1} rows={sorted}
            head={
              <tr>
                {COLUMNS.map(({ key }) => (
                  <th key={key} scope="col" className={key === 'col.rows' ? 'num' : undefined}
                    aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
                    <button type="button" className="sort" onClick={() => sortBy(key)}>
                      {t(key)}<span aria-hidden="true">{sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                  </th>
                ))}
                <th scope="col"><span className="visually-hidden">{t('data.actions')}</span></th>
              </tr>
            }
            row={(d, _i, position) => (
              <tr key={d.id} data-dataset-id={d.id} {...position}>
                <td>{t(kindKey(d.kind))}{d.is_demo && <span className="tag">{t('data.demoTag')}</span>}</td>
                <td className="file-name">{d.file_name}{d.table_name && <code className="table-name">{d.table_name}</code>}</td>
                <td className="num">{formatInteger(d.row_count, locale)}</td>
                <td>{d.coverage ?? '–'}</td>
                <td className="when">{formatDateTime(new Date(d.imported_at + 'Z'), locale)}</td>
                <td>{d.source ?? '–'}</td>
                <td>
                  <button type="button" className="btn-small danger" data-testid="dataset-delete" disabled={busy !== null}
                    title={t('data.deleteTitle', { file: d.file_name })} aria-label={t('data.deleteTitle', { file: d.file_name })} onClick={() => remove(d)}>
                    {t('data.delete')}
                  </button>
                </td>
              </tr>
            )}
          />
        </div>
      )}
      <div className="catalogue-actions">
        <button type="button" className="btn" data-testid="restore-demo" disabled={busy !== null} onClick={demo}>
          {busy === 'demo' ? t('data.restoringDemo') : t('data.restoreDemo')}
        </button>
        <button type="button" className="btn danger" data-testid="clear-all" disabled={busy !== null || datasets.length === 0} onClick={removeAll}>
          {t('data.clearAll')}
        </button>
        {waiting && busy !== null && <p className="note" role="status" data-testid="catalogue-waiting">{t('data.waiting')}</p>}
        {busy !== null && !waiting && (
          <Progress label={busy === 'demo' ? t('data.restoringDemo') : t('ui.catalogue.deleting')} delay={300} testId="catalogue-progress" />
        )}
        {note && <p className={note.kind === 'ok' ? 'note-ok' : 'error'} role="status" data-testid="catalogue-note">{note.text}</p>}
      </div>
    </div>
  );
}
