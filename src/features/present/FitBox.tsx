// Scales its content (CSS zoom) to fill the box it is given without overflowing: the overview cards on a slide
// are as large as the screen allows, on 16:9 and 4:3 alike, whatever their own layout is.
import { useLayoutEffect, useRef, type ReactNode } from 'react';

const SCALES = [2.4, 2.2, 2, 1.8, 1.6, 1.5, 1.4, 1.3, 1.2, 1.1, 1, 0.9, 0.8, 0.7, 0.6];

/** True when some element's content is wider than the element itself. */
function spills(root: HTMLElement): boolean {
  for (const el of [root, ...root.querySelectorAll<HTMLElement>('*')]) {
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) return true;
  }
  return false;
}

export function FitBox({ children, className }: { children: ReactNode; className?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const b = box.current;
    const i = inner.current;
    if (!b || !i) return;
    let frame = 0;
    const fit = () => {
      const w = b.clientWidth;
      const h = b.clientHeight;
      if (!w || !h) return;
      // The largest scale at which the content, laid out to the box's width, is not taller than the box
      // and no part of it (a big number in a narrow card) spills out sideways.
      for (const s of SCALES) {
        i.style.zoom = String(s);
        i.style.width = `${w / s}px`;
        if (i.getBoundingClientRect().height <= h + 1 && !spills(i)) return;
      }
    };
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(fit);
    };
    fit();
    const ro = new ResizeObserver(schedule);
    ro.observe(b);
    const mo = new MutationObserver(schedule); // the cards fill in when their queries answer
    mo.observe(i, { childList: true, subtree: true, characterData: true });
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
      mo.disconnect();
    };
  }, []);
  return (
    <div ref={box} className={className} style={{ overflow: 'hidden', display: 'flex', alignItems: 'center' }}>
      <div ref={inner}>{children}</div>
    </div>
  );
}
