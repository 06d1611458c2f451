// The periodic report as a Word document (.docx, the docx library, loaded only when asked for): what staff paste into
// the CCHC report. A4 portrait, Times New Roman 13 pt as administrative documents are set; the words and tables are
// reportDoc.ts's, every cell written as text.
import type { ReportDoc } from './reportDoc';

/** The A4 page in twentieths of a point (210 × 297 mm), 2 cm margins (3 cm on the left, for binding). */
const PAGE = { width: 11906, height: 16838, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } as const;
const TONE_FILL: Readonly<Record<string, string>> = { met: 'DAFBE1', notMet: 'FFEBE9', uncertain: 'FFF8C5', noData: 'F6F8FA' };

export async function reportDocx(doc: ReportDoc): Promise<Uint8Array> {
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } = await import('docx');
  const para = (text: string, opts: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; italics?: boolean; size?: number } = {}) =>
    new Paragraph({
      alignment: opts.align,
      spacing: { after: 80 },
      children: [new TextRun({ text, bold: opts.bold, italics: opts.italics, size: opts.size })],
    });
  const cell = (text: string, header: boolean, right: boolean, fill?: string) =>
    new TableCell({
      shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'EEF1F4' } : undefined,
      children: [new Paragraph({ alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: header, size: 22 })] })],
    });
  const children: (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] = [
    para(doc.unit.toUpperCase(), { bold: true }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: doc.title.toLocaleUpperCase('vi'), bold: true, size: 30 })],
    }),
    para(doc.period, { bold: true, align: AlignmentType.CENTER }),
    ...doc.meta.map((m) => para(m, { italics: true, align: AlignmentType.CENTER, size: 22 })),
  ];
  for (const s of doc.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        spacing: { before: 240, after: 120 },
        children: [new TextRun({ text: s.heading, bold: true, size: 26 })],
      }),
    );
    for (const p of s.paragraphs) children.push(para(p));
    for (const tb of s.tables) {
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: tb.columns.map((c, i) => cell(c, true, tb.numeric[i] ?? false)) }),
            ...tb.rows.map(
              (r, ri) =>
                new TableRow({ children: r.map((v, i) => cell(v, false, tb.numeric[i] ?? false, tb.tone?.[ri] ? TONE_FILL[tb.tone[ri]!] : undefined)) }),
            ),
          ],
        }),
        para(''),
      );
    }
  }
  for (const f of doc.foot) children.push(para(f, { italics: true, size: 20 }));
  const file = new Document({
    creator: 'Chỉ số',
    title: `${doc.title} – ${doc.period}`,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    sections: [{ properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } }, children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(file));
}
