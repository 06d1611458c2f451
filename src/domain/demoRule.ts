// Which fictional demo data steps aside when the user brings their own (issue: "no figure mixes fictional and real
// rows"). One definition, used by the views every figure reads (db/shown.ts) and by the import that takes the demo
// out. The real PAPI data is reference data, not fiction: it never steps aside.
import type { Kind } from './kinds';

/**
 * The demo commune's plan measures what is shown (SIPAS, PAR, the province's indices): it steps aside whole as soon as
 * the user brings a plan of their own, or any data its targets would be measured on, so a fictional target is never
 * judged on the user's figures.
 */
const PLAN_DISPLACED_BY: readonly Kind[] = [
  'plan_targets',
  'plan_indicators',
  'plan_tasks',
  'sipas_responses',
  'sipas_items',
  'par_criteria',
  'par_scores',
  'units',
  'index_scores',
];

/** The source the fictional demo files carry (data/demo/*.csv). */
export const FICTIONAL_SOURCE = 'Dữ liệu minh họa';

/**
 * A fictional dataset of the key kind steps aside as soon as the user has loaded a dataset of any listed kind:
 * SIPAS answers replace the demo's answers and items; PAR criteria or scores replace the demo's PAR data and units.
 * index_scores are set aside row by row instead (an index at a level; see INDEX_ROWS_DISPLACED_BY).
 */
export const DISPLACED_BY: Partial<Record<Kind, readonly Kind[]>> = {
  sipas_responses: ['sipas_responses'],
  sipas_items: ['sipas_responses', 'sipas_items'],
  par_criteria: ['par_criteria', 'par_scores'],
  par_scores: ['par_criteria', 'par_scores'],
  units: ['units', 'par_criteria', 'par_scores'],
  plan_targets: PLAN_DISPLACED_BY,
  plan_indicators: PLAN_DISPLACED_BY,
  plan_tasks: PLAN_DISPLACED_BY,
};

/**
 * The fictional commune's own index rows (its published PAR and SIPAS, local level) step aside when the user loads
 * the data they are computed from.
 */
export const LOCAL_INDEX_ROWS_DISPLACED_BY: Readonly<Record<string, readonly Kind[]>> = {
  PAR: ['par_criteria', 'par_scores'],
  SIPAS: ['sipas_responses'],
};
