// Problems of the import report as plain text lines: file, row, column, value, what was expected.
import type { Problem } from '../../ingest/types';
import { vi, type MessageKey } from '../../i18n/vi';
import type { Translate } from '../../i18n/i18n';

/** The message of a problem's `expected`; an unknown key (pipeline newer than the dictionary) shows as itself. */
export function expectedText(p: Problem, t: Translate): string {
  const key = p.expected.key;
  return key in vi ? t(key as MessageKey, p.expected.params) : key;
}

export interface ProblemParts {
  where: string[];
  value: string | null;
  expected: string;
  more: string | null;
}

export function problemParts(p: Problem, t: Translate): ProblemParts {
  const where = [t('data.problemWhere', { file: p.file })];
  if (p.row !== undefined) where.push(t('data.problemRow', { row: p.row }));
  if (p.column !== undefined) where.push(t('data.problemColumn', { column: p.column }));
  const value = p.value === undefined ? null : p.value === '' ? t('data.problemEmptyValue') : t('data.problemValue', { value: p.value });
  const more = p.count !== undefined && p.count > 1 ? t('data.problemMore', { n: p.count - 1 }) : null;
  return { where, value, expected: t('data.problemExpected', { expected: expectedText(p, t) }), more };
}

/** Problems counted per kind (message key and severity), errors first, then by how often they occur. */
export function countByKind(problems: readonly Problem[], t: Translate): { severity: Problem['severity']; text: string; n: number }[] {
  const groups = new Map<string, { severity: Problem['severity']; text: string; n: number }>();
  for (const p of problems) {
    const k = `${p.severity}|${p.expected.key}`;
    const g = groups.get(k) ?? { severity: p.severity, text: expectedText(p, t), n: 0 };
    g.n += p.count ?? 1;
    groups.set(k, g);
  }
  return [...groups.values()].sort((a, b) => (a.severity === b.severity ? b.n - a.n : a.severity === 'error' ? -1 : 1));
}

/** Columns and rows of the downloadable problem list. */
export function problemTable(problems: readonly Problem[], t: Translate): { columns: string[]; rows: (string | number | null)[][] } {
  return {
    columns: [t('data.problemKind'), t('col.file'), 'Dòng / Row', 'Cột / Column', 'Giá trị / Value', 'Cần / Expected', t('data.problemCount')],
    rows: problems.map((p) => [t(`data.severity.${p.severity}`), p.file, p.row ?? null, p.column ?? null, p.value ?? null, expectedText(p, t), p.count ?? 1]),
  };
}
