import { describe, expect, it } from 'vitest';
import { involves, parseDay, parseTaskStatus, parseTiming, tallyByLead, taskStateAt, timingYear, unitsOf } from './planTasks';

describe('timing as plans write it', () => {
  it('"Thường xuyên" is never due', () => {
    expect(parseTiming('Thường xuyên', 2026)).toEqual({ kind: 'ongoing' });
    expect(parseTiming('Hằng quý', null)).toEqual({ kind: 'ongoing' });
  });

  it('a quarter, a half, a month, a day, the year: due on their last day', () => {
    expect(parseTiming('Quý II/2026', null)).toEqual({ kind: 'due', due: '2026-06-30' });
    expect(parseTiming('Quý I', 2026)).toEqual({ kind: 'due', due: '2026-03-31' });
    expect(parseTiming('quý 4 / 2025', 2026)).toEqual({ kind: 'due', due: '2025-12-31' });
    expect(parseTiming('2026-Q3', null)).toEqual({ kind: 'due', due: '2026-09-30' });
    expect(parseTiming('6 tháng đầu năm', 2026)).toEqual({ kind: 'due', due: '2026-06-30' });
    expect(parseTiming('6 tháng cuối năm 2025', null)).toEqual({ kind: 'due', due: '2025-12-31' });
    expect(parseTiming('Tháng 2/2028', null)).toEqual({ kind: 'due', due: '2028-02-29' });
    expect(parseTiming('Trước ngày 30/6/2026', null)).toEqual({ kind: 'due', due: '2026-06-30' });
    expect(parseTiming('trước 15/3', 2026)).toEqual({ kind: 'due', due: '2026-03-15' });
    expect(parseTiming('Năm 2026', null)).toEqual({ kind: 'due', due: '2026-12-31' });
    expect(parseTiming('Cả năm', 2026)).toEqual({ kind: 'due', due: '2026-12-31' });
  });

  it('refuses what is not a timing, a date that does not exist, or a timing with no year', () => {
    expect(parseTiming('sớm nhất có thể', 2026)).toBeNull();
    expect(parseTiming('31/02/2026', null)).toBeNull();
    expect(parseTiming('Quý I', null)).toBeNull();
    expect(parseTiming('', 2026)).toBeNull();
    expect(timingYear('Quý II/2026')).toBe(2026);
    expect(timingYear('Thường xuyên')).toBeNull();
  });
});

describe('a task on a day', () => {
  const due = { kind: 'due' as const, due: '2026-06-30' };
  it('in progress until its last day, overdue the day after, done when done by then', () => {
    expect(taskStateAt({ timing: due, status: null, doneDate: null }, '2026-06-30')).toBe('todo');
    expect(taskStateAt({ timing: due, status: 'doing', doneDate: null }, '2026-06-30')).toBe('doing');
    expect(taskStateAt({ timing: due, status: 'doing', doneDate: null }, '2026-07-01')).toBe('overdue');
    // done on 5 July: still overdue on 1 July (a report of that day), done late from the 5th
    expect(taskStateAt({ timing: due, status: 'done', doneDate: '2026-07-05' }, '2026-07-01')).toBe('overdue');
    expect(taskStateAt({ timing: due, status: 'done', doneDate: '2026-07-05' }, '2026-07-10')).toBe('doneLate');
    expect(taskStateAt({ timing: due, status: 'done', doneDate: '2026-06-20' }, '2026-07-10')).toBe('done');
    expect(taskStateAt({ timing: due, status: 'done', doneDate: null }, '2026-12-31')).toBe('done');
    expect(taskStateAt({ timing: { kind: 'ongoing' }, status: 'doing', doneDate: null }, '2030-01-01')).toBe('ongoing');
  });

  it('statuses as written', () => {
    expect(parseTaskStatus('Đã hoàn thành')).toBe('done');
    expect(parseTaskStatus('Hoàn thành')).toBe('done');
    expect(parseTaskStatus('Đang triển khai')).toBe('doing');
    expect(parseTaskStatus('Chưa thực hiện')).toBe('todo');
    expect(parseTaskStatus('Chưa hoàn thành')).toBe('todo');
    expect(parseTaskStatus('')).toBeNull();
    expect(parseTaskStatus('??')).toBe('invalid');
    expect(parseDay('05/07/2026')).toBe('2026-07-05');
    expect(parseDay('2026-7-5')).toBe('2026-07-05');
    expect(parseDay('30/02/2026')).toBeNull();
  });
});

describe('units of a task', () => {
  it('splits the units a cell names and finds a unit in the lead or supporting ones', () => {
    expect(unitsOf('Công an xã; Văn phòng HĐND và UBND xã,  Phòng Kinh tế ')).toEqual(['Công an xã', 'Văn phòng HĐND và UBND xã', 'Phòng Kinh tế']);
    const task = { lead: 'Văn phòng HĐND và UBND xã', support: 'Phòng Văn hóa – Xã hội; Trạm Y tế xã' };
    expect(involves(task, 'VĂN PHÒNG HĐND VÀ UBND XÃ')).toBe(true);
    expect(involves(task, 'Trạm Y tế xã')).toBe(true);
    expect(involves(task, 'Phòng Kinh tế')).toBe(false);
  });

  it('counts done / in progress / overdue per lead unit', () => {
    expect(
      tallyByLead([
        { lead: 'Văn phòng', state: 'done' },
        { lead: 'Văn phòng', state: 'overdue' },
        { lead: 'Văn phòng', state: 'ongoing' },
        { lead: 'Phòng Kinh tế; Văn phòng', state: 'doneLate' },
        { lead: 'Phòng Kinh tế', state: 'todo' },
      ]),
    ).toEqual([
      { lead: 'Văn phòng', done: 2, inProgress: 1, overdue: 1, total: 4 },
      { lead: 'Phòng Kinh tế', done: 1, inProgress: 1, overdue: 0, total: 2 },
    ]);
  });
});
