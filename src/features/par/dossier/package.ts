// The dossier package (issue 20): one ZIP named for the commune and year, ready to send to Sở Nội vụ —
//   Chi_so_CCHC_<year>.xlsx                 the scoring workbook (the same as "Tải hồ sơ XLSX": exportPar.ts)
//   Danh_muc_tai_lieu_kiem_chung.xlsx       the document list and the explanations, as sheets
//   Bao_cao_<year>.docx                     a cover report (coverReport.ts)
//   1.1.1/…, 1.2/…                          the commune's evidence files, a folder per criterion code
//   Don_vi/<unit>/1.1.1/…                   the other units' evidence
//   du_lieu/                                what importing the package on another machine restores from:
//                                           the criteria and scores in the import format, and the manifest
// Texts in the files are Vietnamese whatever the UI language: they go to Sở Nội vụ. Cells are text, never formulas.
import type { Cell } from '../../../export/cells';
import { toCsv } from '../../../export/csv';
import { safeFileName } from '../../../export/download';
import { toXlsx, type Sheet } from '../../../export/xlsx';
import { docCatalogue, packagePaths, unitReadiness, type Dossier, type EvidenceDoc, type Readiness } from '../../../domain/dossier';
import { listFiles, writeArchive, type ArchiveEntry } from '../../../store/archive';
import { readFile } from '../../../store/documents';
import type { ParYear } from '../model';
import { scoreRows, SCORES_COLUMNS, submissionSheets } from '../exportPar';
import { coverReport } from './coverReport';
import { PACKAGE_FORMAT, PACKAGE_MANIFEST, PACKAGE_VERSION, type PackageManifest } from './packageFormat';

export const CRITERIA_COLUMNS = ['Năm', 'Mã tiêu chí', 'Tiêu chí', 'Điểm tối đa'];
export const DOC_LIST_COLUMNS = [
  'STT',
  'Mã đơn vị',
  'Tên đơn vị',
  'Mã tiêu chí',
  'Số, ký hiệu',
  'Ngày ban hành',
  'Cơ quan ban hành',
  'Trích yếu',
  'Mục, trang',
  'Tệp trong gói',
];
export const NOTES_COLUMNS = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Mã tiêu chí',
  'Tiêu chí',
  'Điểm tự đánh giá',
  'Điểm thẩm định',
  'Giải trình',
  'Tiếp thu, giải trình sau thẩm định',
];

/** One path segment: no folder separators, no "..", no characters Windows refuses. */
const segment = (s: string) => safeFileName(s).replace(/^\.+/, '_') || '_';
const dmy = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : null);

/** The commune the package is named for: its own unit in the scores, else the commune set in Settings. */
export function communeOf(model: ParYear, preferred: string | null): { code: string | null; name: string } {
  const own = model.units.find((u) => u.own);
  if (own) return { code: own.unitCode, name: own.unitName };
  return { code: preferred, name: preferred ?? 'Xã' };
}

export const packageName = (commune: string, year: number) => `Ho_so_CCHC_${safeFileName(commune)}_${year}.zip`;

/** Where each file goes, and the rows of the document list. */
export function packageLayout(model: ParYear, dossier: Dossier) {
  const entries = docCatalogue(dossier.docs, model.year)
    .map((e) => ({ ...e, links: e.links.filter((l) => model.units.some((u) => u.unitCode === l.unitCode)) }))
    .filter((e) => e.links.length > 0);
  const names = new Map(model.units.map((u) => [u.unitCode, u.unitName]));
  const own = model.units.find((u) => u.own)?.unitCode ?? null;
  const paths = packagePaths(entries, own, (u) => `Don_vi/${segment(`${u} ${names.get(u) ?? ''}`.trim())}`, segment);
  const pathOf = new Map(paths.map((p) => [`${p.docId}|${p.unitCode}|${p.criterion}`, p.path]));
  const firstPath = new Map<string, string>();
  for (const p of paths) if (!firstPath.has(p.docId)) firstPath.set(p.docId, p.path);
  const rows: Cell[][] = [];
  for (const { doc, links } of entries) {
    for (const l of links) {
      rows.push([
        0,
        l.unitCode,
        names.get(l.unitCode) ?? l.unitCode,
        l.criterion,
        doc.number,
        dmy(doc.date),
        doc.issuer,
        doc.title,
        l.section,
        pathOf.get(`${doc.id}|${l.unitCode}|${l.criterion}`) ?? null,
      ]);
    }
  }
  rows.sort((a, b) => String(a[1]).localeCompare(String(b[1])) || String(a[3]).localeCompare(String(b[3]), undefined, { numeric: true }));
  rows.forEach((r, i) => (r[0] = i + 1));
  return { entries, paths, firstPath, docRows: rows };
}

/** The explanations and answers of the year, one row per criterion that has one. */
export function noteRows(model: ParYear, dossier: Dossier): Cell[][] {
  const out: Cell[][] = [];
  for (const u of model.units) {
    for (const n of dossier.notes
      .filter((x) => x.year === model.year && x.unitCode === u.unitCode)
      .sort((a, b) => a.criterion.localeCompare(b.criterion, undefined, { numeric: true }))) {
      const node = u.score.byCode.get(n.criterion);
      out.push([u.unitCode, u.unitName, n.criterion, node?.name ?? null, node?.self ?? null, node?.appraised ?? null, n.explanation, n.answer]);
    }
  }
  return out;
}

export const criteriaRows = (model: ParYear): Cell[][] => model.criteria.map((c) => [model.year, c.code, c.name, c.max]);

export function readinessOf(model: ParYear, dossier: Dossier): Map<string, Readiness> {
  return new Map(
    model.units.map((u) => [
      u.unitCode,
      unitReadiness(
        { year: model.year, unitCode: u.unitCode },
        u.score.nodes.filter((n) => n.leaf),
        dossier,
      ),
    ]),
  );
}

export interface BuiltPackage {
  fileName: string;
  bytes: Uint8Array;
  documents: number;
}

/**
 * Builds the package of a year. `files`: the bytes of a document's file (the store's, by default). A file missing
 * from the store fails the build (the package would not be what the list says).
 */
export async function buildPackage(args: {
  model: ParYear;
  dossier: Dossier;
  province: string | null;
  preferredCommune: string | null;
  now?: Date;
  files?: (doc: EvidenceDoc) => Promise<Uint8Array | null>;
}): Promise<BuiltPackage> {
  const { model, dossier } = args;
  const now = args.now ?? new Date();
  const get = args.files ?? ((d: EvidenceDoc) => readFile(d.sha256));
  const commune = communeOf(model, args.preferredCommune);
  const layout = packageLayout(model, dossier);
  const readiness = readinessOf(model, dossier);
  const entries: ArchiveEntry[] = [];
  const workbook = `Chi_so_CCHC_${model.year}.xlsx`;
  const list = 'Danh_muc_tai_lieu_kiem_chung.xlsx';
  const report = `Bao_cao_tu_danh_gia_CCHC_${model.year}.docx`;
  entries.push({ path: workbook, bytes: await toXlsx(submissionSheets(model)) });
  const listSheets: Sheet[] = [
    { name: 'Danh mục TLKC', columns: DOC_LIST_COLUMNS, rows: layout.docRows, widths: [5, 12, 30, 10, 16, 12, 28, 50, 16, 40] },
    { name: 'Giải trình', columns: NOTES_COLUMNS, rows: noteRows(model, dossier), widths: [12, 30, 10, 50, 10, 10, 50, 50] },
  ];
  entries.push({ path: list, bytes: await toXlsx(listSheets) });
  entries.push({
    path: report,
    bytes: await coverReport({
      model,
      dossier,
      commune: commune.name,
      province: args.province,
      readiness,
      now,
      attachments: [workbook, list],
      documents: layout.entries.length,
    }),
  });
  const bytesOf = new Map<string, Uint8Array>();
  for (const { doc } of layout.entries) {
    const b = await get(doc);
    if (!b) throw new Error(`file of «${doc.fileName}» missing from the browser's storage`);
    bytesOf.set(doc.id, b);
  }
  for (const p of layout.paths) entries.push({ path: p.path, bytes: bytesOf.get(p.docId)! });
  const criteriaFile = `du_lieu/tieu_chi_${model.year}.csv`;
  const scoresFile = `du_lieu/diem_${model.year}.csv`;
  const enc = new TextEncoder();
  entries.push({ path: criteriaFile, bytes: enc.encode(toCsv(CRITERIA_COLUMNS, criteriaRows(model))), compress: true });
  entries.push({ path: scoresFile, bytes: enc.encode(toCsv(SCORES_COLUMNS, scoreRows(model))), compress: true });
  const units = new Set(model.units.map((u) => u.unitCode));
  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    createdAt: now.toISOString(),
    year: model.year,
    commune,
    criteriaFile,
    scoresFile,
    units: [...units],
    documents: layout.entries.map(({ doc, links }) => ({ ...doc, links, path: layout.firstPath.get(doc.id)! })),
    notes: dossier.notes.filter((n) => n.year === model.year && units.has(n.unitCode)),
    files: await listFiles(entries),
  };
  return { fileName: packageName(commune.name, model.year), bytes: writeArchive(entries, PACKAGE_MANIFEST, manifest, now), documents: layout.entries.length };
}
