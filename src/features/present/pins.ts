// Charts pinned for the presentation deck: which view (its URL hash) and which chart in it, in the user's order.
import { z } from 'zod';

const PinSchema = z.object({
  chartId: z.string().min(1),
  /** The view's hash, e.g. "#/sipas?level=quarter&period=2026-Q1": the slide reopens exactly that view. */
  hash: z.string().startsWith('#/'),
  title: z.string(),
});
export type Pin = z.infer<typeof PinSchema>;

export const pinKey = (p: Pick<Pin, 'chartId' | 'hash'>) => `${p.chartId}@${p.hash}`;

export function restorePins(raw: string | null): Pin[] {
  if (!raw) return [];
  try {
    const r = z.array(PinSchema).safeParse(JSON.parse(raw));
    return r.success ? r.data : [];
  } catch {
    return [];
  }
}

export function togglePin(pins: readonly Pin[], pin: Pin): Pin[] {
  const k = pinKey(pin);
  return pins.some((p) => pinKey(p) === k) ? pins.filter((p) => pinKey(p) !== k) : [...pins, pin];
}

/** Moves the pin at `from` to position `to` (drag and drop in the deck's list). */
export function movePin(pins: readonly Pin[], from: number, to: number): Pin[] {
  if (from === to || from < 0 || from >= pins.length) return [...pins];
  const next = [...pins];
  const [p] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, p!);
  return next;
}
