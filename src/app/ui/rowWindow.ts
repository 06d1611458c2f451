// Which rows of a long table are in the page (LongTable.tsx). Pure, so it is tested without a browser.

/** Rows [start, end) drawn. */
export interface RowWindow {
  start: number;
  end: number;
}

export interface Viewport {
  count: number;
  /** The top of the table's first row relative to the top of the viewport (px; negative once scrolled past). */
  top: number;
  /** The viewport's height (px). */
  viewport: number;
  rowHeight: number;
  /** Rows drawn beyond the screen on each side. */
  overscan: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * The rows to draw: those on screen and `overscan` either side. The current window is kept (the same object, so
 * nothing is drawn again) while it still covers the screen without drawing much more than it needs; a scroll
 * within the margin redraws nothing.
 */
export function rowWindow(current: RowWindow, v: Viewport): RowWindow {
  const h = v.rowHeight > 0 ? v.rowHeight : 1;
  const first = clamp(Math.floor(-v.top / h), 0, v.count);
  const last = clamp(Math.ceil((v.viewport - v.top) / h), first, v.count);
  // What must be drawn now: the rows on screen and half the margin; drawing more than twice the margin is a waste.
  const half = Math.ceil(v.overscan / 2);
  const needStart = Math.max(0, first - half);
  const needEnd = Math.min(v.count, last + half);
  const covers = current.start <= needStart && current.end >= needEnd && current.end <= v.count;
  const tight = needStart - current.start <= 2 * v.overscan && current.end - needEnd <= 2 * v.overscan;
  if (covers && tight) return current;
  return { start: Math.max(0, first - v.overscan), end: Math.min(v.count, last + v.overscan) };
}
