// The package's cover report as a Word document (.docx): the commune's self-assessment by lĩnh vực, its evidence
// and explanations, the units' readiness, and what is attached — in the layout of an administrative report
// (Nghị định 30/2020: Times New Roman, national motto, "Kính gửi"). Vietnamese only: it goes to Sở Nội vụ.
import type { Dossier, Readiness } from '../../../domain/dossier';
import { communeReadiness } from '../../../domain/dossier';
import { formatPercent, numberFormatter } from '../../../i18n/format';
import type { ParYear } from '../model';
import type { Paragraph as DocxParagraph, Table as DocxTable, TextRun as DocxRun } from 'docx';

const FONT = 'Times New Roman';
const SIZE = 26; // half-points: 13 pt

const pts = (v: number | null) => (v === null ? '–' : numberFormatter('vi', 0, 2).format(v));
const pct = (v: number | null) => formatPercent(v, 'vi', 2);

export async function coverReport(args: {
  model: ParYear;
  dossier: Dossier;
  commune: string;
  province: string | null;
  readiness: ReadonlyMap<string, Readiness>;
  now: Date;
  attachments: readonly string[];
  documents: number;
}): Promise<Uint8Array> {
  // Loaded only when a package is made: the library is large and nothing else needs it.
  const { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = await import('docx');
  const { model, dossier, readiness, now } = args;
  const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
    new TextRun({ text, font: FONT, size: o.size ?? SIZE, bold: o.bold, italics: o.italics });
  const para = (text: string | DocxRun[], o: { bold?: boolean; italics?: boolean; center?: boolean; indent?: boolean; size?: number; after?: number } = {}) =>
    new Paragraph({
      children: typeof text === 'string' ? [run(text, o)] : text,
      alignment: o.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
      indent: o.indent ? { firstLine: 567 } : undefined,
      spacing: { after: o.after ?? 120 },
    });
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
  const cell = (text: string, o: { bold?: boolean; center?: boolean; width?: number } = {}) =>
    new TableCell({
      children: [para(text, { bold: o.bold, center: o.center, size: 24, after: 40 })],
      width: o.width ? { size: o.width, type: WidthType.PERCENTAGE } : undefined,
    });
  const table = (head: string[], rows: string[][], widths: number[]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, { bold: true, center: true, width: widths[i] })) }),
        ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, { center: i > 1, width: widths[i] })) })),
      ],
    });

  const own = model.units.find((u) => u.own) ?? null;
  const commune = args.commune;
  const d = now;
  const dateLine = `${commune.replace(/^(Xã|Phường|Thị trấn|Đặc khu)\s+/i, '')}, ngày ${String(d.getDate()).padStart(2, '0')} tháng ${String(d.getMonth() + 1).padStart(2, '0')} năm ${d.getFullYear()}`;
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            borders: noBorders,
            width: { size: 40, type: WidthType.PERCENTAGE },
            children: [
              para('ỦY BAN NHÂN DÂN', { center: true, size: 24, after: 0 }),
              para(commune.toLocaleUpperCase('vi'), { bold: true, center: true, size: 24, after: 120 }),
              para('Số:      /BC-UBND', { center: true, size: 24 }),
            ],
          }),
          new TableCell({
            borders: noBorders,
            width: { size: 60, type: WidthType.PERCENTAGE },
            children: [
              para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, center: true, size: 24, after: 0 }),
              para('Độc lập - Tự do - Hạnh phúc', { bold: true, center: true, after: 120 }),
              para(dateLine, { italics: true, center: true }),
            ],
          }),
        ],
      }),
    ],
  });

  const body: (DocxParagraph | DocxTable)[] = [
    header,
    para('BÁO CÁO', { bold: true, center: true, size: 28, after: 0 }),
    para(`Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${model.year}`, { bold: true, center: true, after: 240 }),
    para(`Kính gửi: Sở Nội vụ${args.province ? ` ${args.province}` : ''}.`, { center: true, after: 240 }),
    para(
      `Ủy ban nhân dân ${commune} báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${model.year} kèm theo tài liệu kiểm chứng như sau:`,
      { indent: true },
    ),
    para('I. KẾT QUẢ TỰ ĐÁNH GIÁ', { bold: true }),
  ];
  if (own) {
    const s = own.score;
    body.push(
      para(
        `Tổng điểm tự đánh giá: ${pts(s.selfPoints)}/${pts(s.applicableMax)} điểm; Chỉ số tự đánh giá: ${pct(s.selfIndex)}.${s.appraisedIndex !== null ? ` Điểm thẩm định: ${pts(s.appraisedPoints)} điểm; Chỉ số thẩm định: ${pct(s.appraisedIndex)}.` : ''}`,
        { indent: true },
      ),
    );
    const domains = s.nodes.filter((n) => n.depth === 0);
    body.push(
      table(
        ['Mã', 'Lĩnh vực', 'Điểm tối đa', 'Tự đánh giá', 'Thẩm định'],
        domains.map((n) => [n.code, n.name, pts(n.applicableMax), pts(n.self), pts(n.appraised)]),
        [8, 52, 13, 13, 14],
      ),
    );
  } else {
    body.push(para('Dữ liệu chấm điểm không xác định được đơn vị cấp xã; kết quả của từng đơn vị ở mục III.', { indent: true }));
  }

  const all = communeReadiness([...readiness.values()]);
  const ownR = own ? (readiness.get(own.unitCode) ?? null) : null;
  body.push(para('II. TÀI LIỆU KIỂM CHỨNG VÀ GIẢI TRÌNH', { bold: true }));
  body.push(
    para(`Số tài liệu kiểm chứng kèm theo: ${args.documents} (chi tiết tại Danh mục tài liệu kiểm chứng; tệp xếp theo thư mục mã tiêu chí).`, { indent: true }),
  );
  if (ownR)
    body.push(
      para(
        `Tiêu chí đã tự chấm: ${ownR.scored}/${ownR.applicable}; có tài liệu kiểm chứng: ${ownR.backed}; tiêu chí tự chấm trên 0 điểm chưa có tài liệu: ${ownR.needExplanation}, đã giải trình: ${ownR.explained}.`,
        { indent: true },
      ),
    );
  const notes = own ? dossier.notes.filter((n) => n.year === model.year && n.unitCode === own.unitCode && n.explanation) : [];
  for (const n of notes.sort((a, b) => a.criterion.localeCompare(b.criterion, undefined, { numeric: true }))) {
    body.push(para([run(`Tiêu chí ${n.criterion}: `, { bold: true }), run(n.explanation ?? '')], { indent: true }));
  }

  const others = model.units.filter((u) => !u.own);
  body.push(para('III. TÌNH HÌNH HỒ SƠ CỦA CÁC ĐƠN VỊ', { bold: true }));
  body.push(
    para(`${all.readyUnits}/${all.units} đơn vị có hồ sơ sẵn sàng (mọi tiêu chí đã tự chấm; mọi điểm tự chấm trên 0 có tài liệu kiểm chứng hoặc giải trình).`, {
      indent: true,
    }),
  );
  if (others.length) {
    body.push(
      table(
        ['STT', 'Đơn vị', 'Chỉ số tự đánh giá', 'Chỉ số thẩm định', 'Tài liệu / tiêu chí', 'Hồ sơ'],
        others.map((u, i) => {
          const r = readiness.get(u.unitCode);
          return [
            String(i + 1),
            u.unitName,
            pct(u.score.selfIndex),
            pct(u.score.appraisedIndex),
            r ? `${r.backed}/${r.applicable}` : '–',
            r?.ready ? 'Sẵn sàng' : 'Chưa sẵn sàng',
          ];
        }),
        [7, 39, 14, 14, 13, 13],
      ),
    );
  }
  body.push(para('IV. HỒ SƠ KÈM THEO', { bold: true }));
  for (const a of args.attachments) body.push(para(`- ${a}`, { indent: true, after: 40 }));
  body.push(para(`- Thư mục tài liệu kiểm chứng theo mã tiêu chí (${args.documents} tài liệu).`, { indent: true }));
  body.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: noBorders,
      rows: [
        new TableRow({
          children: [
            new TableCell({
              borders: noBorders,
              children: [
                para('Nơi nhận:', { bold: true, italics: true, size: 24, after: 0 }),
                para('- Như trên;', { size: 22, after: 0 }),
                para('- Lưu: VT, VHXH.', { size: 22 }),
              ],
            }),
            new TableCell({
              borders: noBorders,
              children: [para('TM. ỦY BAN NHÂN DÂN', { bold: true, center: true, after: 0 }), para('CHỦ TỊCH', { bold: true, center: true })],
            }),
          ],
        }),
      ],
    }),
  );

  const doc = new Document({
    creator: 'Chỉ số',
    title: `Báo cáo tự đánh giá Chỉ số CCHC năm ${model.year}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      { properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children: body },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
