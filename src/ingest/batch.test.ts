// Issue 15, the import side: the fictional demo steps aside by kind, and files picked together are checked against,
// and land with, what the batch itself lands.
import { beforeEach, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../tests/helpers/nodeDb';
import type { Db } from '../db/types';
import { analyseFile, commitPlan, discardPlan, importFile } from './importFile';
import { importFiles } from './importFiles';
import { recheckBatch } from './batch';
import { commitBatch } from './commit';
import { csv } from './__fixtures__/make';
import type { Answers, ImportOutcome, ImportPlan } from './types';

const FICTION = { isDemo: true, source: 'Dữ liệu minh họa' };
const CRIT_HEAD = 'Năm,Mã tiêu chí,Tiêu chí,Điểm tối đa';
const SCORE_HEAD = 'Năm,Mã đơn vị,Tên đơn vị,Mã tiêu chí,Điểm tự đánh giá,Điểm thẩm định,Tài liệu kiểm chứng,Ghi chú';
const INDEX_HEAD = 'Chỉ số,Năm,Mã đơn vị,Tên đơn vị,Thành phần,Điểm,Điểm tối đa,Xếp hạng,Trên tổng số,Nguồn';

/** A small fictional demo (as data/demo has it: 1.1.1 worth 1 point in 2025) and the real PAPI beside it. */
async function withDemo(): Promise<Db> {
  const db = await createNodeDb();
  await db.exec(`INSERT INTO ref_provinces VALUES ('Hà Nội', 'P01', 'Hà Nội', 'Thành phố'), ('Hà Giang', 'P02', 'Tuyên Quang', 'Tỉnh')`);
  const out = await importFiles(
    db,
    [
      csv('units.csv', ['Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên', 'X001,Xã Hòa An,Xã,', 'X001-VP,Văn phòng,Cơ quan chuyên môn,X001']),
      csv('par_criteria.csv', [
        CRIT_HEAD,
        '2025,1,Chỉ đạo điều hành,2',
        '2025,1.1,Kế hoạch CCHC,2',
        '2025,1.1.1,Ban hành kế hoạch,1',
        '2025,1.1.2,Hoàn thành kế hoạch,1',
      ]),
      csv('par_scores.csv', [SCORE_HEAD, '2025,X001-VP,Văn phòng,1.1.1,1,1,,', '2025,X001-VP,Văn phòng,1.1.2,1,0.5,,']),
      csv('commune_indices.csv', [INDEX_HEAD, 'PAR,2025,X001,Xã Hòa An,,75,100,,,Dữ liệu minh họa', 'SIPAS,2025,X001,Xã Hòa An,,90,100,,,Dữ liệu minh họa']),
      csv('province_indices.csv', [INDEX_HEAD, 'PCI,2025,P01,Hà Nội,,60,100,,,Dữ liệu minh họa', 'DTI,2025,P01,Hà Nội,,0.5,1,,,Dữ liệu minh họa']),
    ],
    { onDuplicate: 'cancel' },
    FICTION,
  );
  for (const o of out) if (!o.ok) throw new Error(JSON.stringify(o.problems));
  await db.query(`INSERT INTO datasets VALUES ('demo-papi', 'index_scores', 'papi.csv', 1, '2021', now()::TIMESTAMP, true, 'PAPI, UNDP & CECODES', NULL)`);
  await db.exec(`INSERT INTO index_scores VALUES ('demo-papi', 'PAPI', 2021, 'P01', 'Hà Nội', '', 40, NULL, NULL, NULL, NULL)`);
  return db;
}

const criteria = (name: string, max111: number) =>
  csv(name, [
    CRIT_HEAD,
    `2025,1,Chỉ đạo điều hành,${2 + max111}`,
    `2025,1.1,Kế hoạch CCHC,${2 + max111}`,
    `2025,1.1.1,Ban hành kế hoạch,${max111}`,
    '2025,1.1.2,Hoàn thành kế hoạch,2',
  ]);
const scores = (name: string, s111: number) =>
  csv(name, [
    SCORE_HEAD,
    `2025,X001-VP,Văn phòng,1.1.1,${s111},${s111},,`,
    '2025,X001-VP,Văn phòng,1.1.2,2,1.5,,',
    '2025,X001-KT,Phòng Kinh tế,1.1.1,1,1,,',
    '2025,X001-KT,Phòng Kinh tế,1.1.2,không áp dụng,,,',
  ]);

const catalogue = (db: Db) => db.query(`SELECT id, file_name, kind, row_count FROM datasets ORDER BY file_name, id`);
const contents = async (db: Db) => ({
  datasets: await catalogue(db),
  criteria: await db.query(`SELECT year, code, max_points FROM par_criteria ORDER BY ALL`),
  scores: await db.query(`SELECT unit_code, criterion_code, self_score FROM par_scores ORDER BY ALL`),
  index: await db.query(`SELECT index_code, unit_code, score FROM index_scores ORDER BY ALL`),
  units: await db.query(`SELECT unit_code FROM units ORDER BY ALL`),
});
const keys = (plan: ImportPlan) => plan.problems.filter((p) => p.severity === 'error').map((p) => p.expected.key);
const okAll = (outs: ImportOutcome[]) => outs.map((o) => (o.ok ? 'ok' : o.problems.map((p) => p.expected.key).join()));

describe('a new year’s criteria picked with their scores, over the demo’s year', () => {
  let db: Db;
  beforeEach(async () => {
    db = await withDemo();
  });

  it('checks the scores against the batch’s criteria, asks nothing about the fictional year, and lands both in one go', async () => {
    // Scores analysed first (as a drop of two files may go), then the criteria: the batch re-check settles it.
    const s = await analyseFile(db, scores('diem_2025.csv', 2), {}, { batch: 'b' });
    const c = await analyseFile(db, criteria('tieu_chi_2025.csv', 2), {}, { batch: 'b' });
    expect(keys(s)).toContain('ingest.problem.noCriteria'); // alone, the demo criteria do not count: they step aside for the user’s scores
    await recheckBatch(db, 'b');
    expect(keys(s)).toEqual([]); // 2 ≤ 2 of the batch’s criteria (the demo’s 1.1.1 is worth 1)
    expect(s.checkedWith).toEqual(['tieu_chi_2025.csv']);
    expect(c.questions.duplicates).toBeUndefined(); // the demo’s PAR 2025 is fiction: it steps aside, it is not a duplicate
    expect(s.questions.duplicates).toBeUndefined();
    // The card says what of the demo goes: the PAR criteria, scores and units, and the commune's own PAR rows.
    expect(c.demoAside?.datasets.map((d) => d.file).sort()).toEqual(['par_criteria.csv', 'par_scores.csv', 'units.csv']);
    expect(c.demoAside?.rows).toEqual([expect.objectContaining({ file: 'commune_indices.csv', index: 'PAR', province: false, count: 1 })]);

    const outs = await commitBatch(db, [
      { plan: c, answers: {} },
      { plan: s, answers: {} },
    ]);
    expect(okAll(outs)).toEqual(['ok', 'ok']);
    const after = await contents(db);
    expect(after.datasets.map((d) => d.file_name)).toEqual(['commune_indices.csv', 'diem_2025.csv', 'papi.csv', 'province_indices.csv', 'tieu_chi_2025.csv']);
    expect(after.datasets.find((d) => d.file_name === 'commune_indices.csv')?.row_count).toBe(1); // its SIPAS row stays
    expect(after.criteria.find((r) => r.code === '1.1.1')).toEqual({ year: 2025, code: '1.1.1', max_points: 2 });
    expect(after.criteria).toHaveLength(4);
    expect(after.scores).toHaveLength(4);
    expect(after.index).toEqual([
      { index_code: 'DTI', unit_code: 'P01', score: 0.5 },
      { index_code: 'PAPI', unit_code: 'P01', score: 40 }, // the real PAPI is reference data: it stays
      { index_code: 'PCI', unit_code: 'P01', score: 60 },
      { index_code: 'SIPAS', unit_code: 'X001', score: 90 },
    ]);
    expect(after.units).toEqual([]);
    // Nothing fictional is left that the figures would hide.
    expect(await db.query(`SELECT count(*)::INTEGER AS n FROM shown.hidden`)).toEqual([{ n: 0 }]);
  });

  it('with the user’s own earlier 2025 loaded: asks "replace" on both, checks against the batch’s year, lands both', async () => {
    for (const f of [criteria('tc_cu.csv', 2), scores('diem_cu.csv', 2)]) expect((await importFile(db, f)).ok).toBe(true);
    const c = await analyseFile(db, criteria('tc_moi.csv', 3), {}, { batch: 'b' });
    const s = await analyseFile(db, scores('diem_moi.csv', 3), {}, { batch: 'b' });
    expect(keys(s)).toEqual([]); // 3 ≤ 3 of the batch; the loaded 2025 (max 2) is what it replaces
    expect(c.questions.duplicates?.description).toBe('PAR 2025');
    expect(s.questions.duplicates?.description).toContain('2025 · X001-VP');
    const replace: Answers = { onDuplicate: 'replace' };
    // Unanswered, the batch waits, and nothing lands.
    const before = await contents(db);
    const waiting = await commitBatch(db, [
      { plan: c, answers: {} },
      { plan: s, answers: replace },
    ]);
    expect(okAll(waiting)).toEqual(['ingest.problem.answerNeeded', 'ingest.problem.batchRefused']);
    expect(await contents(db)).toEqual(before);
    const outs = await commitBatch(db, [
      { plan: c, answers: replace },
      { plan: s, answers: replace },
    ]);
    expect(okAll(outs)).toEqual(['ok', 'ok']);
    const after = await contents(db);
    expect(after.datasets.map((d) => d.file_name)).toEqual(['commune_indices.csv', 'diem_moi.csv', 'papi.csv', 'province_indices.csv', 'tc_moi.csv']);
    expect(after.criteria.find((r) => r.code === '1.1.1')?.max_points).toBe(3);
    expect(after.scores.filter((r) => r.criterion_code === '1.1.1')).toEqual([
      { unit_code: 'X001-KT', criterion_code: '1.1.1', self_score: 1 },
      { unit_code: 'X001-VP', criterion_code: '1.1.1', self_score: 3 },
    ]);
  });

  it('refuses as a whole a batch whose scores are wrong against its own criteria: nothing changes', async () => {
    const before = await contents(db);
    const c = await analyseFile(db, criteria('tieu_chi_2025.csv', 2), {}, { batch: 'b' });
    const s = await analyseFile(db, scores('diem_2025.csv', 3), {}, { batch: 'b' });
    const above = s.problems.filter((p) => p.expected.key === 'ingest.problem.aboveMax');
    expect(above.map((p) => [p.row, p.value, p.expected.params?.max, p.expected.params?.code])).toEqual([
      [2, '3', 2, '1.1.1'],
      [2, '3', 2, '1.1.1'],
    ]);
    const outs = await commitBatch(db, [
      { plan: c, answers: {} },
      { plan: s, answers: {} },
    ]);
    expect(okAll(outs)).toEqual(['ingest.problem.batchRefused', 'ingest.problem.hasErrors,ingest.problem.aboveMax,ingest.problem.aboveMax']);
    expect(await contents(db)).toEqual(before);
    await discardPlan(db, c);
  });

  it('re-checks the scores at once when their criteria are cancelled, and again when the criteria come back', async () => {
    const c = await analyseFile(db, criteria('tieu_chi_2025.csv', 2), {}, { batch: 'b' });
    const s = await analyseFile(db, scores('diem_2025.csv', 2), {}, { batch: 'b' });
    expect(keys(s)).toEqual([]);
    await discardPlan(db, c); // "Hủy" or "Bỏ tệp này"
    await recheckBatch(db, 'b');
    expect(keys(s)).toEqual(['ingest.problem.noCriteria']);
    expect(s.checkedWith).toBeUndefined();
    const again = await analyseFile(db, criteria('tieu_chi_2025.csv', 2), {}, { batch: 'b' });
    await recheckBatch(db, 'b');
    expect(keys(s)).toEqual([]);
    // Another batch does not count: its criteria are not landing with these scores.
    const other = await analyseFile(db, scores('diem_khac.csv', 2), {}, { batch: 'khac' });
    expect(keys(other)).toEqual(['ingest.problem.noCriteria']);
    // Loaded on its own, a scores file whose criteria only wait in the batch is refused at commit, and nothing lands.
    const alone = await commitPlan(db, s);
    expect(alone.ok ? [] : alone.problems.map((p) => p.expected.key)).toEqual(['ingest.problem.noCriteria']);
    for (const p of [again, other]) await discardPlan(db, p);
  });
});

describe('the demo steps aside by kind', () => {
  it('a user’s PCI of provinces takes out the invented PCI of provinces only, without asking, and says so first', async () => {
    const db = await withDemo();
    const plan = await analyseFile(db, csv('pci.csv', [INDEX_HEAD, 'PCI,2025,P01,Hà Nội,,66,100,,,VCCI', 'PCI,2025,P02,Hà Giang,,61,100,,,VCCI']));
    expect(plan.questions.duplicates).toBeUndefined(); // the fictional PCI 2025 of Hà Nội is not asked about
    expect(plan.demoAside).toEqual({ datasets: [], rows: [expect.objectContaining({ file: 'province_indices.csv', index: 'PCI', province: true, count: 1 })] });
    const o = await commitPlan(db, plan);
    if (!o.ok) throw new Error(JSON.stringify(o.problems));
    const prov = (await catalogue(db)).find((d) => d.file_name === 'province_indices.csv')!;
    expect(o.replaced).toEqual([prov.id]); // to be stored again, in the same write
    expect(prov.row_count).toBe(1);
    expect(await db.query(`SELECT index_code, unit_code, score FROM index_scores WHERE dataset_id = ?`, [String(prov.id)])).toEqual([
      { index_code: 'DTI', unit_code: 'P01', score: 0.5 },
    ]);
    expect(await db.query(`SELECT count(*)::INTEGER AS n FROM index_scores WHERE index_code = 'PAR'`)).toEqual([{ n: 1 }]); // other indices and levels stay
  });

  it('SIPAS answers take out the demo’s answers and questions; units the demo’s units; the demo itself never steps aside for itself', async () => {
    const db = await withDemo();
    await importFiles(
      db,
      [
        csv('sipas_items.csv', ['Mã câu hỏi,Yếu tố,Nội dung', 'TC1.1,1,Chỗ ngồi']),
        csv('sipas_responses.csv', ['Kỳ,Mã đơn vị,Mã phiếu,TC1.1', '2026-Q1,X001-TTPV,1,5']),
      ],
      { onDuplicate: 'cancel' },
      FICTION,
    );
    // The user's answers use a question the demo's questionnaire lacks: the demo's questions step aside, no error.
    const o = await importFile(db, csv('phieu.csv', ['Kỳ,Mã đơn vị,Mã phiếu,TC9.1,TC1.1', '2026-Q1,X001-TTPV,1,5,4']));
    if (!o.ok) throw new Error(JSON.stringify(o.problems));
    expect(o.plan.demoAside?.datasets.map((d) => d.file).sort()).toEqual(['sipas_items.csv', 'sipas_responses.csv']);
    expect(o.removed).toHaveLength(2);
    expect(await db.query(`SELECT count(*)::INTEGER AS n FROM sipas_counts WHERE dataset_id <> ?`, [o.datasetId])).toEqual([{ n: 0 }]);
    expect((await catalogue(db)).map((d) => d.file_name)).not.toContain('sipas_items.csv');
    expect((await catalogue(db)).find((d) => d.file_name === 'commune_indices.csv')?.row_count).toBe(1); // the commune's SIPAS row went

    const u = await importFile(db, csv('don_vi.csv', ['Mã đơn vị,Tên đơn vị', 'X001-VP,Văn phòng mới']));
    if (!u.ok) throw new Error(JSON.stringify(u.problems));
    expect(u.plan.questions.duplicates).toBeUndefined(); // X001-VP of the demo's units: fiction, not asked about
    expect(await db.query(`SELECT unit_code, unit_name FROM units`)).toEqual([{ unit_code: 'X001-VP', unit_name: 'Văn phòng mới' }]);
    expect((await catalogue(db)).map((d) => d.file_name)).toContain('par_criteria.csv'); // units take out the demo's units only
  });

  it('the demo, restored beside the user’s data, leaves out what would mix with it and says what', async () => {
    const db = await createNodeDb();
    await db.exec(`INSERT INTO ref_provinces VALUES ('Hà Nội', 'P01', 'Hà Nội', 'Thành phố')`);
    for (const f of [criteria('tc.csv', 2), scores('diem.csv', 2), csv('pci.csv', [INDEX_HEAD, 'PCI,2030,P01,Hà Nội,,66,100,,,VCCI'])])
      expect((await importFile(db, f)).ok).toBe(true);
    const out = await importFiles(
      db,
      [
        csv('units.csv', ['Mã đơn vị,Tên đơn vị', 'X001,Xã Hòa An']),
        csv('par_criteria.csv', [CRIT_HEAD, '2024,1,Chỉ đạo điều hành,2']),
        csv('commune_indices.csv', [INDEX_HEAD, 'PAR,2024,X001,Xã Hòa An,,75,100,,,', 'SIPAS,2024,X001,Xã Hòa An,,90,100,,,']),
        csv('province_indices.csv', [INDEX_HEAD, 'PCI,2024,P01,Hà Nội,,60,100,,,', 'DTI,2024,P01,Hà Nội,,0.5,1,,,']),
      ],
      { onDuplicate: 'cancel' },
      FICTION,
    );
    const byFile = new Map(out.map((o) => [o.plan!.file, o]));
    for (const f of ['units.csv', 'par_criteria.csv']) {
      const o = byFile.get(f)!;
      expect(o.ok ? 'landed' : o.problems.map((p) => p.expected.key)).toEqual(['ingest.problem.demoLeftOut']);
    }
    const com = byFile.get('commune_indices.csv')!;
    const prov = byFile.get('province_indices.csv')!;
    expect(com.ok && com.leftOut?.rows).toEqual([expect.objectContaining({ index: 'PAR', province: false, count: 1 })]);
    expect(prov.ok && prov.leftOut?.rows).toEqual([expect.objectContaining({ index: 'PCI', province: true, count: 1 })]);
    expect(await db.query(`SELECT index_code, year FROM index_scores ORDER BY ALL`)).toEqual([
      { index_code: 'DTI', year: 2024 },
      { index_code: 'PCI', year: 2030 },
      { index_code: 'SIPAS', year: 2024 },
    ]);
    expect(await db.query(`SELECT file_name, row_count FROM datasets WHERE is_demo ORDER BY 1`)).toEqual([
      { file_name: 'commune_indices.csv', row_count: 1 },
      { file_name: 'province_indices.csv', row_count: 1 },
    ]);
  });
});
