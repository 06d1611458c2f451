// Problems of the import report as text: the pipeline's message (it names column, row and value itself), the file, counts.
import type { Problem } from '../../ingest/types';
import { vi, type MessageKey } from '../../i18n/vi';
import type { Translate } from '../../i18n/i18n';

/**
 * A message key of the dictionary, or the key itself when the pipeline is newer than the dictionary. A parameter
 * that is itself an `ingest.reason.*` key (why a file could not be read, see ingest/translateError.ts) is worded too.
 */
export function tx(t: Translate, key: string, params?: Record<string, string | number>): string {
  let p = params;
  if (params && Object.values(params).some((v) => typeof v === 'string' && v.startsWith('ingest.reason.'))) {
    p = { ...params };
    for (const [k, v] of Object.entries(params)) if (typeof v === 'string' && v.startsWith('ingest.reason.') && v in vi) p[k] = t(v as MessageKey, params);
  }
  return key in vi ? t(key as MessageKey, p) : key;
}

/** The problem in words; row, column and value are added when the pipeline's message does not carry them. */
function expectedText(p: Problem, t: Translate): string {
  const params: Record<string, string | number> = { ...(p.expected.params ?? {}) };
  if (p.row !== undefined) params.row ??= p.row;
  if (p.column !== undefined) params.column ??= p.column;
  if (p.value !== undefined) params.value ??= p.value;
  return tx(t, p.expected.key, params);
}

interface ProblemParts {
  file: string;
  text: string;
  /** Row / column / value not already in the message (older message texts). */
  extra: string[];
  more: string | null;
  /** The engine's own message, for the "Chi tiết kỹ thuật" fold. */
  technical: string | null;
}

export function problemParts(p: Problem, t: Translate): ProblemParts {
  const text = expectedText(p, t);
  const extra: string[] = [];
  if (p.row !== undefined && !text.includes(String(p.row))) extra.push(t('data.problemRow', { row: p.row }));
  if (p.column !== undefined && !text.includes(p.column)) extra.push(t('data.problemColumn', { column: p.column }));
  if (p.value !== undefined && !text.includes(p.value)) extra.push(p.value === '' ? t('data.problemEmptyValue') : t('data.problemValue', { value: p.value }));
  const more = p.count !== undefined && p.count > 1 ? t('data.problemMore', { n: p.count - 1 }) : null;
  return { file: t('data.problemWhere', { file: p.file }), text, extra, more, technical: p.technical ?? null };
}

/** Problems counted per kind (message key, column and severity), errors first, then by how often they occur. */
export function countByKind(problems: readonly Problem[], t: Translate): { severity: Problem['severity']; text: string; n: number }[] {
  const groups = new Map<string, { severity: Problem['severity']; text: string; n: number }>();
  for (const p of problems) {
    const k = `${p.severity}|${p.expected.key}|${p.column ?? ''}`;
    // The first problem's message with its row-specific parts blanked out names the kind.
    const generic = { ...(p.expected.params ?? {}), row: '…', value: '…', first: '…', column: p.column ?? p.expected.params?.column ?? '…' };
    const g = groups.get(k) ?? { severity: p.severity, text: tx(t, p.expected.key, generic), n: 0 };
    g.n += p.count ?? 1;
    groups.set(k, g);
  }
  return [...groups.values()].sort((a, b) => (a.severity === b.severity ? b.n - a.n : a.severity === 'error' ? -1 : 1));
}

/** Columns and rows of the downloadable problem list (every problem, not only the first 200). */
export function problemTable(problems: readonly Problem[], t: Translate): { columns: string[]; rows: (string | number | null)[][] } {
  return {
    columns: [t('data.problemKind'), t('col.file'), t('data.csvRow'), t('data.csvColumn'), t('data.csvValue'), t('data.csvProblem'), t('data.problemCount')],
    rows: problems.map((p) => [t(`data.severity.${p.severity}`), p.file, p.row ?? null, p.column ?? null, p.value ?? null, expectedText(p, t), p.count ?? 1]),
  };
}
