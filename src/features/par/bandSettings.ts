import type { BandCutoffs } from '../../domain/parScoring';

/** Cut-offs must fall strictly from Xuất sắc to Trung bình and stay within 0–100. */
export function validCutoffs(c: BandCutoffs): boolean {
  const v = [c.excellent, c.good, c.fair, c.average];
  return v.every((x) => Number.isFinite(x) && x >= 0 && x <= 100) && v.every((x, i) => i === 0 || v[i - 1]! > x);
}
