import { describe, expect, it } from 'vitest';
import { answerLevel } from './sipasAnswers';
import { isSatisfied, SATISFIED_MIN } from './sipas';

describe('SIPAS answers', () => {
  it('reads numbers and labels in any case, with or without diacritics, NFC or NFD', () => {
    expect(answerLevel('5')).toBe(5);
    expect(answerLevel(' 4 ')).toBe(4);
    expect(answerLevel('4.0')).toBe(4);
    expect(answerLevel('RẤT HÀI LÒNG')).toBe(5);
    expect(answerLevel('rat khong hai long')).toBe(1);
    expect(answerLevel('Không hài lòng'.normalize('NFD'))).toBe(2);
    expect(answerLevel('Bình thường')).toBe(3);
  });
  it('blank is no answer; anything else is an error', () => {
    expect(answerLevel('')).toBeNull();
    expect(answerLevel('  ')).toBeNull();
    expect(answerLevel(null)).toBeNull();
    expect(answerLevel('6')).toBeUndefined();
    expect(answerLevel('0')).toBeUndefined();
    expect(answerLevel('tốt')).toBeUndefined();
  });
  it('satisfied = "Hài lòng" or "Rất hài lòng" (answer ≥ SATISFIED_MIN), by label or number', () => {
    expect(SATISFIED_MIN).toBe(4);
    const satisfied = ['Rất hài lòng', 'hai long', '4', 'Bình thường', 'Không hài lòng', '1'].map((a) => isSatisfied(answerLevel(a)!));
    expect(satisfied).toEqual([true, true, true, false, false, false]);
  });
});
