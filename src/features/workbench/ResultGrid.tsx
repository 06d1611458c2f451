// The result as a grid that only renders the rows on screen, so a million rows scroll as smoothly as ten. Past what a
// browser lets one element be tall, the scrollbar maps onto the rows in proportion. Cells are React text, never HTML.
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { formatInteger } from '../../i18n/format';
import { cellText, type ResultSet, type SortDirection } from './result';

const ROW = 28;
const HEAD = 36;
/** The grid's height at most; a short result takes only the room it needs (and a horizontal scrollbar's). */
const HEIGHT = 440;
/** Tallest scroll area used (Firefox stops near 17.9 million px). */
const MAX_SCROLL = 8_000_000;

export interface GridSort {
  col: number;
  dir: SortDirection;
}

interface Props {
  result: ResultSet;
  /** Row numbers in the order shown (null: the engine's order). */
  order: Int32Array | null;
  sort: GridSort | null;
  onSort(col: number): void;
  sorting: boolean;
}

export function ResultGrid({ result, order, sort, onSort, sorting }: Props) {
  const { t, locale } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [bodyHeight, setBodyHeight] = useState(HEIGHT - HEAD);
  const [picked, setPicked] = useState<{ row: number; col: number } | null>(null);

  useLayoutEffect(() => {
    const el = box.current!;
    const measure = () => setBodyHeight(Math.max(ROW, el.clientHeight - HEAD));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // A new result or order starts at the top.
  useLayoutEffect(() => {
    box.current!.scrollTop = 0;
    setTop(0);
    setPicked(null);
  }, [result, order]);

  // Widths from the header and the rows' text (an estimate: 8.2 px a character of Vietnamese text).
  const widths = useMemo(() => {
    // 200 rows spread over the whole result: the last of a million may be wider than the first.
    const sample = Math.min(result.rowCount, 200);
    const rows = Array.from({ length: sample }, (_, k) => (sample < 2 ? 0 : Math.round((k * (result.rowCount - 1)) / (sample - 1))));
    return result.columns.map((c, j) => {
      let chars = c.name.length + 2;
      for (const r of rows) chars = Math.max(chars, cellText(result.value(r, j), c, locale).length);
      return Math.round(Math.min(360, Math.max(72, chars * 8.2 + 24)));
    });
  }, [result, locale]);
  const numberWidth = Math.max(56, String(result.rowCount).length * 9 + 24);
  const totalWidth = numberWidth + widths.reduce((a, w) => a + w, 0);

  const total = result.rowCount * ROW;
  const scrollHeight = Math.min(total, MAX_SCROLL);
  const room = Math.max(0, scrollHeight - bodyHeight);
  const virtualTop = room > 0 ? (Math.min(top, room) / room) * Math.max(0, total - bodyHeight) : 0;
  const first = Math.min(Math.max(0, result.rowCount - 1), Math.floor(virtualTop / ROW));
  const shift = first * ROW - virtualTop;
  const count = Math.min(result.rowCount - first, Math.ceil(bodyHeight / ROW) + 1);
  const rowAt = (k: number) => (order ? order[k]! : k);

  const pickedText = picked ? cellText(result.value(picked.row, picked.col), result.columns[picked.col]!, locale) : '';

  return (
    <>
      <div
        className="wb-grid"
        ref={box}
        role="grid"
        aria-label={t('workbench.grid', { rows: formatInteger(result.rowCount, locale) })}
        aria-rowcount={result.rowCount + 1}
        aria-colcount={result.columns.length + 1}
        aria-busy={sorting}
        tabIndex={0}
        data-testid="result-grid"
        style={{ height: Math.min(HEIGHT, HEAD + result.rowCount * ROW + 20) }}
        onScroll={(e) => setTop(e.currentTarget.scrollTop)}
      >
        <div style={{ width: totalWidth, height: HEAD + Math.max(scrollHeight, bodyHeight) }}>
          <div className="wb-grid-head" role="row" aria-rowindex={1} style={{ height: HEAD }}>
            <div role="columnheader" className="wb-cell num wb-rownum" style={{ width: numberWidth }}>
              {t('workbench.rowNumber')}
            </div>
            {result.columns.map((c, j) => {
              const dir = sort?.col === j ? sort.dir : null;
              return (
                <div
                  key={j}
                  role="columnheader"
                  className={`wb-cell${c.kind === 'number' ? ' num' : ''}`}
                  style={{ width: widths[j] }}
                  aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                >
                  <button type="button" onClick={() => onSort(j)} title={t('workbench.sortBy', { column: c.name })} data-testid="sort-column">
                    {c.name}
                    <span className="wb-sort" aria-hidden="true">
                      {dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}
                    </span>
                  </button>
                </div>
              );
            })}
          </div>
          <div className="wb-grid-window" style={{ top: HEAD, height: bodyHeight }}>
            {Array.from({ length: Math.max(0, count) }, (_, k) => {
              const pos = first + k;
              const row = rowAt(pos);
              return (
                <div key={pos} role="row" aria-rowindex={pos + 2} className="wb-row" style={{ top: shift + k * ROW, height: ROW }} data-row={pos + 1}>
                  <div role="rowheader" className="wb-cell num wb-rownum" style={{ width: numberWidth }}>
                    {formatInteger(pos + 1, locale)}
                  </div>
                  {result.columns.map((c, j) => {
                    const v = result.value(row, j);
                    const text = cellText(v, c, locale);
                    return (
                      <div
                        key={j}
                        role="gridcell"
                        className={`wb-cell${c.kind === 'number' ? ' num' : ''}${v === null ? ' wb-null' : ''}`}
                        style={{ width: widths[j] }}
                        title={text.length > 40 ? text : undefined}
                        onClick={() => setPicked({ row, col: j })}
                      >
                        {v === null ? 'NULL' : text}
                      </div>
                    );
                  })}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {picked && (
        <div className="wb-picked" data-testid="picked-cell">
          <span className="note">
            {t('workbench.cell', {
              column: result.columns[picked.col]!.name,
              row: formatInteger((order ? order.indexOf(picked.row) : picked.row) + 1, locale),
            })}
          </span>
          <pre>{result.value(picked.row, picked.col) === null ? 'NULL' : pickedText}</pre>
        </div>
      )}
    </>
  );
}
