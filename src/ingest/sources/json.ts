// JSON: only the commune crosswalk as published (communes_2025.json: [{"columns": [province, new commune, former
// communes]}, …]). It becomes a three-column CSV for the usual pipeline, whose header says commune_merger; entry k of
// the array is row k + 1 (the header is row 1). Any other JSON is refused with what was expected.
import { z } from 'zod';
import type { Answers, SourceFile } from '../types';
import { readCsv } from './csv';
import type { TextSource } from './types';
import { FORMATS } from '../formats';
import { FileError } from '../translateError';

export const communesFileSchema = z
  .array(z.object({ columns: z.tuple([z.string().trim().min(1), z.string().trim().min(1), z.string().trim().min(1)]) }))
  .min(1);

const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;

export function readJson(file: SourceFile, answers: Answers): TextSource {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8').decode(file.bytes).replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new FileError('ingest.problem.unreadable', { detail: 'ingest.reason.jsonInvalid' }, e instanceof Error ? e.message : String(e));
  }
  const parsed = communesFileSchema.safeParse(data);
  if (!parsed.success) {
    const at = parsed.error.issues[0]?.path.find((p) => typeof p === 'number');
    const where = typeof at === 'number' ? `: phần tử thứ ${at + 1}` : '';
    throw new FileError('ingest.problem.unreadable', {
      detail: `tệp JSON chỉ nhận bảng sáp nhập xã dạng communes_2025.json — một mảng các {"columns": [tỉnh, xã mới, các xã cũ]}, ba ô chữ không trống${where}`,
    });
  }
  const csv = [FORMATS.commune_merger.headers, ...parsed.data.map((r) => r.columns)].map((r) => r.map(quote).join(',')).join('\r\n');
  return readCsv({ name: file.name, bytes: new TextEncoder().encode(csv) }, { ...answers, delimiter: ',', decimalComma: false, encoding: 'utf-8' });
}
