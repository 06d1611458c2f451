import { useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { Cell } from '../../export/cells';
import { downloadCsv, downloadXlsx, safeFileName } from '../../export/download';
import { LongTable } from '../../app/ui/LongTable';

export interface Column<R> {
  key: string;
  label: string;
  /** Sort key and exported value (numbers stay numbers in CSV/XLSX). */
  value: (r: R) => Cell;
  /** What the cell shows; text by default. Never HTML. */
  render?: (r: R) => ReactNode;
  num?: boolean;
  /** Only in the downloaded file (e.g. the interval's two bounds). */
  exportOnly?: boolean;
  /** Only on screen (e.g. flags already exported elsewhere). */
  screenOnly?: boolean;
}

interface Props<R> {
  id: string;
  columns: Column<R>[];
  rows: R[];
  rowKey: (r: R) => string;
  rowClass?: (r: R) => string | undefined;
  /** File name without extension, e.g. "SIPAS theo câu hỏi - Quý 1/2026". */
  fileName: string;
  caption?: ReactNode;
  /** Rows kept below the sorted ones (overall figures). */
  footRows?: R[];
}

type Sort = { key: string; dir: 1 | -1 } | null;

function compare(a: Cell, b: Cell): number {
  if (a === b) return 0;
  if (a === null || a === undefined || a === '') return 1; // blanks last whatever the direction
  if (b === null || b === undefined || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'vi');
}

/** A table the user can sort by clicking a header, with CSV and Excel downloads of what it shows (every row, drawn or not). */
export function SortableTable<R>({ id, columns, rows, rowKey, rowClass, fileName, caption, footRows = [] }: Props<R>) {
  const { t } = useI18n();
  const [sort, setSort] = useState<Sort>(null);
  const shown = columns.filter((c) => !c.exportOnly);
  const exported = columns.filter((c) => !c.screenOnly);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const col = columns.find((c) => c.key === sort.key);
    if (!col) return rows;
    return [...rows].sort((a, b) => {
      const va = col.value(a);
      const vb = col.value(b);
      const blank = (v: Cell) => v === null || v === undefined || v === '';
      if (blank(va) || blank(vb)) return compare(va, vb);
      return sort.dir * compare(va, vb);
    });
  }, [rows, sort, columns]);
  const all = [...sorted, ...footRows];
  const data = () => all.map((r) => exported.map((c) => c.value(r)));
  const labels = exported.map((c) => c.label);

  return (
    <div className="sipas-table" data-testid={id}>
      <div className="sipas-table-tools">
        {caption}
        <span className="spacer" />
        <button type="button" onClick={() => void downloadCsv(`${safeFileName(fileName)}.csv`, labels, data())} data-testid={`${id}-csv`}>
          {t('sipas.csv')}
        </button>
        <button
          type="button"
          onClick={() => void downloadXlsx(`${safeFileName(fileName)}.xlsx`, [{ name: fileName, columns: labels, rows: data() }])}
          data-testid={`${id}-xlsx`}
        >
          {t('sipas.xlsx')}
        </button>
      </div>
      <LongTable
        className="data-table"
        columns={shown.length}
        rows={sorted}
        tail={footRows}
        testId={`${id}-table`}
        head={
          <tr>
            {shown.map((c) => {
              const active = sort?.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.num ? 'num' : undefined}
                  aria-sort={active ? (sort!.dir === 1 ? 'ascending' : 'descending') : undefined}
                >
                  <button
                    type="button"
                    className="sort"
                    title={t('sipas.sortBy', { column: c.label })}
                    onClick={() => setSort(active ? { key: c.key, dir: sort!.dir === 1 ? -1 : 1 } : { key: c.key, dir: c.num ? -1 : 1 })}
                  >
                    {c.label}
                    {active ? (sort!.dir === 1 ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              );
            })}
          </tr>
        }
        row={(r, _i, position) => (
          <tr key={rowKey(r)} className={rowClass?.(r)} {...position}>
            {shown.map((c) => (
              <td key={c.key} className={c.num ? 'num' : undefined}>
                {c.render ? c.render(r) : String(c.value(r) ?? '–')}
              </td>
            ))}
          </tr>
        )}
      />
    </div>
  );
}
