import { describe, expect, it } from 'vitest';
import { answerLevel, satisfactionRate } from './sipasAnswers';

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
  it('rate = answers 4 or 5 over all valid answers', () => {
    expect(satisfactionRate({ 5: 3, 4: 5, 3: 1, 1: 1 })).toBe(80);
    expect(satisfactionRate({})).toBeNull();
  });
});
