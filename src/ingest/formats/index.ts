// The canonical formats: what the Dữ liệu page offers as templates, and how a file's kind is recognised from its header.
import type { Kind } from '../../domain/kinds';
import type { ColumnSpec } from './spec';
import { matchHeaders } from '../headers';
import { indexScores } from './indexScores';
import { parCriteria } from './parCriteria';
import { parScores } from './parScores';
import { sipasItems } from './sipasItems';
import { units } from './units';
import { communeMerger } from './communeMerger';
import { planTargets } from './planTargets';
import { planIndicators } from './planIndicators';
import { planTasks } from './planTasks';
import { itemElement, sipasResponsesColumns, SIPAS_EXAMPLE, SIPAS_EXAMPLE_ITEMS } from './sipasResponses';
import type { TabularFormat } from './tabular';

export type CanonicalKind = Exclude<Kind, 'table'>;

export const TABULAR: Record<Exclude<CanonicalKind, 'sipas_responses'>, TabularFormat> = {
  index_scores: indexScores,
  par_criteria: parCriteria,
  par_scores: parScores,
  sipas_items: sipasItems,
  units,
  commune_merger: communeMerger,
  plan_targets: planTargets,
  plan_indicators: planIndicators,
  plan_tasks: planTasks,
};

interface FormatInfo {
  kind: CanonicalKind;
  /** Canonical Vietnamese headers, in template order. */
  headers: string[];
  /** One example row under those headers. */
  example: string[];
  columns: ColumnSpec[];
}

/** Per kind: canonical Vietnamese headers and one example row (templates on #/data, docs/formats.md). */
export const FORMATS: Record<CanonicalKind, FormatInfo> = {
  index_scores: info(indexScores),
  par_criteria: info(parCriteria),
  par_scores: info(parScores),
  sipas_responses: {
    kind: 'sipas_responses',
    headers: [...sipasResponsesColumns.map((c) => c.vi), ...SIPAS_EXAMPLE_ITEMS],
    example: SIPAS_EXAMPLE,
    columns: sipasResponsesColumns,
  },
  sipas_items: info(sipasItems),
  units: info(units),
  commune_merger: info(communeMerger),
  plan_targets: info(planTargets),
  plan_indicators: info(planIndicators),
  plan_tasks: info(planTasks),
};

function info(f: TabularFormat): FormatInfo {
  return { kind: f.kind, headers: f.columns.map((c) => c.vi), example: f.example, columns: f.columns };
}

/** Order in which kinds must land when several files come together (references first). */
export const COMMIT_ORDER: Kind[] = [
  'units',
  'par_criteria',
  'sipas_items',
  'commune_merger',
  'index_scores',
  'par_scores',
  'sipas_responses',
  'plan_targets',
  'plan_indicators',
  'plan_tasks',
  'table',
];

/**
 * The format that explains the most of the header (at least two columns and half of them; a random table with a
 * "code" column stays a table). It may still lack a required column: that is reported, not silently turned into
 * a plain table. SIPAS responses are recognised by period, unit and item columns (TC1.1 …).
 */
export function detectKind(headers: readonly string[]): Kind {
  const sipas = matchHeaders(headers, sipasResponsesColumns);
  const items = headers.filter((h, i) => sipas.byIndex[i] === null && itemElement(h) !== null).length;
  if (sipas.byKey.has('period') && sipas.byKey.has('unit_code') && items > 0) return 'sipas_responses';
  let best: Kind = 'table';
  let bestScore = 0;
  for (const f of Object.values(TABULAR)) {
    const m = matchHeaders(headers, f.columns);
    const missing = f.columns.filter((c) => c.required && !m.byKey.has(c.key)).length;
    if (m.byKey.size < 2 || m.byKey.size * 2 < headers.length || missing * 2 > f.columns.filter((c) => c.required).length) continue;
    const score = m.byKey.size * 10 - missing * 5;
    if (score > bestScore) {
      best = f.kind;
      bestScore = score;
    }
  }
  return best;
}
