// SIPAS answers: 5 levels, written as a number or as the label on the paper form, in any case,
// with or without diacritics (labels compared folded, vnNames.foldText). A blank cell is no answer (counted in neither
// numerator nor denominator).
import { foldText } from './vnNames';

type AnswerLevel = 1 | 2 | 3 | 4 | 5;

const ANSWER_LABELS: Record<AnswerLevel, string> = {
  5: 'Rất hài lòng',
  4: 'Hài lòng',
  3: 'Bình thường',
  2: 'Không hài lòng',
  1: 'Rất không hài lòng',
};

const BY_LABEL = new Map<string, AnswerLevel>([
  ...(Object.entries(ANSWER_LABELS).map(([k, v]) => [foldText(v), Number(k) as AnswerLevel]) as [string, AnswerLevel][]),
  ['very satisfied', 5],
  ['satisfied', 4],
  ['neutral', 3],
  ['dissatisfied', 2],
  ['very dissatisfied', 1],
]);

/** 1–5 for an answer, null for a blank cell (no answer), undefined for anything else (an error in the file). */
export function answerLevel(raw: string | null | undefined): AnswerLevel | null | undefined {
  if (raw === null || raw === undefined) return null;
  const s = foldText(raw);
  if (s === '') return null;
  const m = /^([1-5])(?:[.,]0+)?$/.exec(s);
  if (m) return Number(m[1]) as AnswerLevel;
  return BY_LABEL.get(s);
}
