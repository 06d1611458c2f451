// The kinds of dataset the app knows (the `kind` of table `datasets`): one list for the import, the store and the rules.

/** Every kind of dataset, in the order the Dữ liệu page lists them; 'table' = a file of no known format. */
export const KINDS = [
  'index_scores',
  'par_criteria',
  'par_scores',
  'sipas_responses',
  'sipas_items',
  'units',
  'commune_merger',
  'plan_targets',
  'plan_indicators',
  'plan_tasks',
  'table',
] as const;
export type Kind = (typeof KINDS)[number];
