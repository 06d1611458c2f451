import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import type { Db } from '../db/types';
import { fillBlankLines } from './blankLines';
import { analyseFile, discardPlan } from './importFile';
import { utf8 } from './__fixtures__/make';

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const bytes = (s: string) => new TextEncoder().encode(s);

describe('blank lines', () => {
  it('become empty rows between records, vanish at the end, and stay inside quoted cells', () => {
    expect(text(fillBlankLines(bytes('a,b\n1,2\n\n3,4\n\n\n'), ',', 2))).toBe('a,b\n1,2\n,\n3,4\n');
    expect(text(fillBlankLines(bytes('a;b;c\r\n1;2;3\r\n\r\n4;5;6'), ';', 3))).toBe('a;b;c\r\n1;2;3\r\n;;\n4;5;6');
    expect(text(fillBlankLines(bytes('a,b\n1,"x\n\ny"\n3,4\n'), ',', 2))).toBe('a,b\n1,"x\n\ny"\n3,4\n');
    const same = bytes('a,b\n1,2\n');
    expect(fillBlankLines(same, ',', 2)).toBe(same);
  });

  let db: Db;
  beforeAll(async () => {
    db = await createNodeDb();
  }, 120_000);

  it('keep problem rows where Excel shows them', async () => {
    const plan = await analyseFile(db, utf8('u.csv', 'Mã đơn vị,Tên đơn vị\nA,Một\n\nB,\n'));
    expect(plan.problems.map((p) => [p.row, p.column, p.expected.key])).toEqual([[4, 'Tên đơn vị', 'ingest.problem.required']]);
    await discardPlan(db, plan);
    const sipas = await analyseFile(db, utf8('s.csv', 'Kỳ,Mã đơn vị,TC1.1\n2026-Q1,A,5\n\n\n2026-Q1,A,9\n\n'));
    expect(sipas.problems.map((p) => [p.row, p.column, p.value, p.expected.key])).toEqual([[5, 'TC1.1', '9', 'ingest.problem.answer']]);
    await discardPlan(db, sipas);
  }, 120_000);
});
