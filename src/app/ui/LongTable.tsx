import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useI18n } from '../../i18n/i18n';
import { formatInteger } from '../../i18n/format';
import { rowWindow, type RowWindow } from './rowWindow';
import './ui.css';

/** What a row gets to be read in place by a screen reader: its position among all rows, header included. */
export interface RowPosition {
  'aria-rowindex': number;
}

interface Props<R> {
  rows: readonly R[];
  /** The <tr> of a row (its key set by the caller); spread `position` on it. Cells hold text, never HTML. */
  row: (r: R, index: number, position: RowPosition) => ReactElement;
  /** The header row(s): a <tr> of <th scope="col">. */
  head: ReactNode;
  /** How many columns: the spacers span them. */
  columns: number;
  /** Rows kept after the others, always drawn (totals). */
  tail?: readonly R[];
  className?: string;
  testId?: string;
  /** Up to this many rows are all drawn; a longer table draws the rows on screen and a margin around them. */
  threshold?: number;
}

/** Rows beyond the screen drawn on each side, so a scroll or a Tab to the next row finds it drawn already. */
const OVERSCAN = 20;
/** A row's height before any is measured (px): one line of the app's tables. */
const ROW_GUESS = 33;

/** True while the page prints (or is about to): a long table then draws every row, as the report asks. */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => typeof window !== 'undefined' && window.matchMedia?.('print').matches === true);
  useEffect(() => {
    // flushSync: the print layout is taken right after beforeprint, so every row must be in the page by then.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    // Print media without print events too (a PDF made by a headless browser, print emulation).
    const media = window.matchMedia?.('print');
    const change = (e: MediaQueryListEvent) => (e.matches ? before() : after());
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    media?.addEventListener('change', change);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      media?.removeEventListener('change', change);
    };
  }, []);
  return printing;
}

/**
 * A table that can hold thousands of rows: up to `threshold` it is a plain table; beyond, only the rows on screen
 * (and OVERSCAN either side) are in the page, between two spacers as tall as the rows left out, so the page scrolls
 * as if all were there. Screen readers hear every row's place (aria-rowcount, aria-rowindex); printing draws them
 * all; "Hiện đủ n dòng" draws them all too (for the browser's find, or a screen reader's table reading).
 */
export function LongTable<R>({ rows, row, head, columns, tail = [], className, testId, threshold = 100 }: Props<R>) {
  const { t, locale } = useI18n();
  const printing = usePrinting();
  const [everyRow, setEveryRow] = useState(false);
  const windowed = rows.length > threshold && !printing && !everyRow;
  const body = useRef<HTMLTableSectionElement>(null);
  const rowHeight = useRef(ROW_GUESS);
  const [win, setWin] = useState<RowWindow>(() => ({ start: 0, end: Math.min(rows.length, OVERSCAN * 2) }));
  const count = rows.length;

  const start = windowed ? Math.min(win.start, count) : 0;
  const end = windowed ? Math.min(Math.max(win.end, start), count) : count;

  // Where the rows on screen are now, from the body's place in the viewport (the page scrolls, not the table).
  const place = useCallback(() => {
    const el = body.current;
    if (!el) return;
    const top = el.getBoundingClientRect().top;
    setWin((w) => rowWindow(w, { count, top, viewport: window.innerHeight, rowHeight: rowHeight.current, overscan: OVERSCAN }));
  }, [count]);

  useEffect(() => {
    if (!windowed) return;
    let frame = 0;
    const on = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        place();
      });
    };
    window.addEventListener('scroll', on, { passive: true });
    window.addEventListener('resize', on);
    return () => {
      window.removeEventListener('scroll', on);
      window.removeEventListener('resize', on);
      cancelAnimationFrame(frame);
    };
  }, [windowed, place]);

  // After each draw: the rows' mean height (rows wrap differently), and the window again if the rows changed.
  useLayoutEffect(() => {
    if (!windowed) return;
    // The windowed rows only: the tail rows come after the bottom spacer.
    const drawn = body.current?.querySelectorAll<HTMLTableRowElement>(':scope > tr[aria-rowindex]');
    const n = Math.min(drawn?.length ?? 0, end - start);
    if (drawn && n > 0) {
      const first = drawn[0]!.getBoundingClientRect();
      const last = drawn[n - 1]!.getBoundingClientRect();
      const mean = (last.bottom - first.top) / n;
      if (mean > 0 && Math.abs(mean - rowHeight.current) > 0.5) {
        rowHeight.current = mean;
        setWin((w) => ({ ...w })); // the spacers again, at the measured height
      }
    }
    place();
  }, [windowed, place, start, end]);

  const spacer = (n: number, edge: string) =>
    n > 0 && (
      <tr className="ui-spacer" aria-hidden="true" data-edge={edge}>
        <td colSpan={columns} style={{ height: `${n * rowHeight.current}px` }} />
      </tr>
    );
  const heads = 1;
  return (
    <>
      <table className={className} data-testid={testId} aria-rowcount={heads + count + tail.length}>
        <thead>{head}</thead>
        <tbody ref={body}>
          {spacer(start, 'top')}
          {rows.slice(start, end).map((r, i) => row(r, start + i, { 'aria-rowindex': heads + start + i + 1 }))}
          {spacer(count - end, 'bottom')}
          {tail.map((r, i) => row(r, count + i, { 'aria-rowindex': heads + count + i + 1 }))}
        </tbody>
      </table>
      {rows.length > threshold && (
        <p className="ui-longtable-note" data-testid={testId ? `${testId}-every` : undefined}>
          {everyRow ? t('ui.table.allDrawn', { n: formatInteger(count, locale) }) : t('ui.table.windowed', { n: formatInteger(count, locale) })}{' '}
          <button type="button" className="ui-small-button" aria-pressed={everyRow} onClick={() => setEveryRow((v) => !v)}>
            {everyRow ? t('ui.table.drawWindow') : t('ui.table.drawAll', { n: formatInteger(count, locale) })}
          </button>
        </p>
      )}
    </>
  );
}
