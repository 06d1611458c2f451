import { beforeAll, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { createNodeDb } from '../../../../tests/helpers/nodeDb';
import { buildYear, type CriterionRow, type ScoreRow } from '../model';
import { addDocs, setNote, type Dossier, type EvidenceDoc } from '../../../domain/dossier';
import { memoryStore } from '../../../store/kv';
import { setStore } from '../../../store/persist';
import { readDossier, readFile } from '../../../store/documents';
import { ArchiveError, sha256Hex } from '../../../store/archive';
import { fetchParYear, scoreYear } from '../load';
import { DEFAULT_SETTINGS } from '../../../app/settings';
import { buildPackage } from './package';
import { importPackage, readPackage } from './packageImport';

vi.setConfig({ testTimeout: 120_000 });
beforeAll(() => {
  process.chdir(fs.mkdtempSync(path.join(os.tmpdir(), 'chiso-pkg-')));
});

// A commune (X001) and one unit (X001-VP), criteria 1 → 1.1 (2 points), 1.2 (3 points); 2 → 2.1 (5 points).
const criteria: CriterionRow[] = [
  { code: '1', name: 'Chỉ đạo, điều hành', max_points: 5 },
  { code: '1.1', name: 'Kế hoạch CCHC', max_points: 2 },
  { code: '1.2', name: 'Báo cáo CCHC', max_points: 3 },
  { code: '2', name: 'Thể chế', max_points: 5 },
  { code: '2.1', name: 'Văn bản QPPL', max_points: 5 },
];
const row = (unit: string, name: string, code: string, self: number | null, appraised: number | null, applicable = true): ScoreRow => ({
  dataset_id: 'd',
  year: 2025,
  unit_code: unit,
  unit_name: name,
  criterion_code: code,
  applicable,
  self_score: self,
  appraised_score: appraised,
  evidence: null,
  note: null,
  edited_at: null,
});
const scores: ScoreRow[] = [
  row('X001', 'Xã Hòa An', '1.1', 2, 1.5),
  row('X001', 'Xã Hòa An', '1.2', 2.25, 2.25),
  row('X001', 'Xã Hòa An', '2.1', 4, 4),
  row('X001-VP', 'Văn phòng', '1.1', 1, 1),
  row('X001-VP', 'Văn phòng', '1.2', 0.1 + 0.2, null),
  row('X001-VP', 'Văn phòng', '2.1', null, null, false),
];
const model = buildYear({ year: 2025, criteria, scores, prevCriteria: [], prevScores: [], units: [], cutoffs: DEFAULT_SETTINGS.parBands, preferredOwn: null });

const PDF = strToU8('%PDF-1.4\n% Kế hoạch 12\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

async function dossier(): Promise<Dossier> {
  const docs: EvidenceDoc[] = [
    {
      id: 'pdf',
      sha256: await sha256Hex(PDF),
      fileName: 'Kế hoạch 12.pdf',
      kind: 'pdf',
      mime: 'application/pdf',
      size: PDF.length,
      number: '12/KH-UBND',
      date: '2025-01-15',
      issuer: 'UBND xã Hòa An',
      title: 'Kế hoạch CCHC năm 2025',
      addedAt: '2026-01-01T00:00:00Z',
      links: [
        { year: 2025, unitCode: 'X001', criterion: '1.1', section: 'Mục II' },
        { year: 2025, unitCode: 'X001', criterion: '1.2', section: null },
        { year: 2025, unitCode: 'X001-VP', criterion: '1.1', section: null },
      ],
    },
    {
      id: 'png',
      sha256: await sha256Hex(PNG),
      fileName: 'niem yet.png',
      kind: 'image',
      mime: 'image/png',
      size: PNG.length,
      number: null,
      date: null,
      issuer: null,
      title: 'Ảnh niêm yết',
      addedAt: '2026-01-02T00:00:00Z',
      links: [{ year: 2025, unitCode: 'X001', criterion: '2.1', section: null }],
    },
  ];
  return setNote(
    addDocs({ docs: [], notes: [] }, docs),
    { year: 2025, unitCode: 'X001-VP', criterion: '1.2' },
    { explanation: 'Báo cáo gửi qua hệ thống, chưa tải về' },
    '2026-01-03T00:00:00Z',
  );
}
const bytesOf = (d: EvidenceDoc) => Promise.resolve(d.kind === 'pdf' ? PDF : PNG);

describe('the dossier package', () => {
  it('holds the workbook, the evidence in folders by criterion code, the list, the report and the data to restore', async () => {
    const built = await buildPackage({
      model,
      dossier: await dossier(),
      province: 'Huế',
      preferredCommune: null,
      now: new Date('2026-03-05T08:00:00Z'),
      files: bytesOf,
    });
    expect(built.fileName).toBe('Ho_so_CCHC_Xã_Hòa_An_2025.zip');
    const files = unzipSync(built.bytes);
    expect(Object.keys(files).sort()).toEqual([
      '1.1/Kế_hoạch_12.pdf',
      '1.2/Kế_hoạch_12.pdf',
      '2.1/niem_yet.png',
      'Bao_cao_tu_danh_gia_CCHC_2025.docx',
      'Chi_so_CCHC_2025.xlsx',
      'Danh_muc_tai_lieu_kiem_chung.xlsx',
      'Don_vi/X001-VP_Văn_phòng/1.1/Kế_hoạch_12.pdf',
      'du_lieu/chiso-goi-ho-so.json',
      'du_lieu/diem_2025.csv',
      'du_lieu/tieu_chi_2025.csv',
    ]);
    expect(files['1.1/Kế_hoạch_12.pdf']).toEqual(PDF);
    expect(files['2.1/niem_yet.png']).toEqual(PNG);

    const XLSX = await import('@e965/xlsx');
    const list = XLSX.read(files['Danh_muc_tai_lieu_kiem_chung.xlsx'], { type: 'array' });
    expect(list.SheetNames).toEqual(['Danh mục TLKC', 'Giải trình']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(list.Sheets['Danh mục TLKC']!, { header: 1 });
    expect(rows.slice(1)).toEqual([
      [1, 'X001', 'Xã Hòa An', '1.1', '12/KH-UBND', '15/01/2025', 'UBND xã Hòa An', 'Kế hoạch CCHC năm 2025', 'Mục II', '1.1/Kế_hoạch_12.pdf'],
      [2, 'X001', 'Xã Hòa An', '1.2', '12/KH-UBND', '15/01/2025', 'UBND xã Hòa An', 'Kế hoạch CCHC năm 2025', undefined, '1.2/Kế_hoạch_12.pdf'],
      [3, 'X001', 'Xã Hòa An', '2.1', undefined, undefined, undefined, 'Ảnh niêm yết', undefined, '2.1/niem_yet.png'],
      [
        4,
        'X001-VP',
        'Văn phòng',
        '1.1',
        '12/KH-UBND',
        '15/01/2025',
        'UBND xã Hòa An',
        'Kế hoạch CCHC năm 2025',
        undefined,
        'Don_vi/X001-VP_Văn_phòng/1.1/Kế_hoạch_12.pdf',
      ],
    ]);
    const notes = XLSX.utils.sheet_to_json<unknown[]>(list.Sheets['Giải trình']!, { header: 1 });
    expect(notes[1]).toEqual(['X001-VP', 'Văn phòng', '1.2', 'Báo cáo CCHC', 0.1 + 0.2, undefined, 'Báo cáo gửi qua hệ thống, chưa tải về']);
    // the workbook is the existing export: the commune's self index (2 + 2.25 + 4) / 10 = 82.5 %
    const wb = XLSX.read(files['Chi_so_CCHC_2025.xlsx'], { type: 'array' });
    const summary = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['Tổng hợp']!);
    expect(summary.find((r) => r['Mã đơn vị'] === 'X001')?.['Chỉ số tự đánh giá (%)']).toBe(82.5);
    // the cover report is a Word document naming the commune, the year and the index
    const docx = unzipSync(files['Bao_cao_tu_danh_gia_CCHC_2025.docx']!);
    const text = new TextDecoder().decode(docx['word/document.xml']);
    expect(text).toContain('Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2025');
    expect(text).toContain('Kính gửi: Sở Nội vụ Huế.');
    expect(text).toContain('XÃ HÒA AN');
    expect(text).toContain('Chỉ số tự đánh giá: 82,50%');
    expect(text).toContain('Số tài liệu kiểm chứng kèm theo: 2');
  });

  it('imports into a cleared app: the same indices, explanations and byte-equal files; an altered package changes nothing', async () => {
    const built = await buildPackage({ model, dossier: await dossier(), province: null, preferredCommune: null, files: bytesOf });
    const store = memoryStore();
    setStore(store);
    const db = await createNodeDb();

    // altered: one byte of the PDF in 1.2/ — refused before anything is touched
    const files = unzipSync(built.bytes);
    const bad = zipSync({ ...files, '1.2/Kế_hoạch_12.pdf': files['1.2/Kế_hoạch_12.pdf']!.map((b, i) => (i === 3 ? b ^ 1 : b)) });
    await expect(readPackage(bad)).rejects.toMatchObject({ problem: 'damaged' });
    await expect(readPackage(built.bytes.subarray(0, built.bytes.length - 100))).rejects.toBeInstanceOf(ArchiveError);
    await expect(readPackage(zipSync({ 'a.txt': strToU8('x') }))).rejects.toMatchObject({ problem: 'foreign' });
    expect(store.meta.get('revision')).toBeUndefined();

    const pkg = await readPackage(built.bytes);
    expect(await importPackage(db, pkg, 'Gói hồ sơ')).toEqual({ ok: true });
    expect(store.meta.get('revision')).toBe(1); // scores, criteria, documents, files: one write
    const back = scoreYear(await fetchParYear(db, 2025), DEFAULT_SETTINGS);
    const idx = (m: typeof model) => m.units.map((u) => [u.unitCode, u.score.selfIndex, u.score.appraisedIndex, u.score.applicableMax]);
    expect(idx(back)).toEqual(idx(model));
    // computed by hand: X001 self 8.25/10 = 82.5, appraised 7.75/10 = 77.5; X001-VP max 5 (2.1 not applicable), self 1.3/5 = 26
    expect(idx(back)).toEqual([
      ['X001', 82.5, 77.5, 10],
      ['X001-VP', 26, null, 5],
    ]);
    const d = await readDossier();
    expect(d.docs.map((x) => [x.id, x.links.length])).toEqual([
      ['pdf', 3],
      ['png', 1],
    ]);
    expect(d.notes.map((n) => n.explanation)).toEqual(['Báo cáo gửi qua hệ thống, chưa tải về']);
    expect(await readFile(d.docs[0]!.sha256)).toEqual(PDF);
    expect(await readFile(d.docs[1]!.sha256)).toEqual(PNG);

    // imported again (the same package): replaces, nothing doubles
    expect(await importPackage(db, await readPackage(built.bytes), 'Gói hồ sơ')).toEqual({ ok: true });
    expect(await db.query(`SELECT count(*)::INTEGER AS n FROM par_scores`)).toEqual([{ n: 6 }]);
    expect(await db.query(`SELECT count(*)::INTEGER AS n FROM datasets`)).toEqual([{ n: 2 }]);
    expect((await readDossier()).docs).toHaveLength(2);
  });
});
