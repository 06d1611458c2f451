// PAPI structure: sub-dimensions SCxy belong to dimension x; a dimension score is the sum of its sub-dimensions.

/** `SC52` → 5; anything else → null. */
export function papiDimensionOf(subCode: string): number | null {
  const m = /^SC([1-8])\d+$/i.exec(subCode.trim());
  return m ? Number(m[1]) : null;
}

/** Dimensions measured in a year: six until 2017, eight from 2018. */
export function papiDimensionCount(year: number): 6 | 8 {
  return year >= 2018 ? 8 : 6;
}
