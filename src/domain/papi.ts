// PAPI structure: sub-dimensions SCxy belong to dimension x; a dimension score is the sum of its sub-dimensions.

/**
 * A sub-dimension code, its dimension as the first group: SC52 → 5. A regular expression's text, so SQL
 * (regexp_extract) and TypeScript read the same one (the registry's components.summedFrom).
 */
export const PAPI_SUB_DIMENSION = '^SC([1-8])[0-9]+$';

/** Dimensions measured in a year: six until 2017, eight from 2018. */
export function papiDimensionCount(year: number): 6 | 8 {
  return year >= 2018 ? 8 : 6;
}
