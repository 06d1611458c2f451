// Several files at once (the file picker, the demo): references land before what is checked against them
// (units, PAR criteria and SIPAS questions before scores and responses), each file atomically.
import type { Db } from '../db/types';
import type { Answers, ImportOutcome, SourceFile } from './types';
import type { Kind } from '../domain/kinds';
import { COMMIT_ORDER, detectKind } from './formats';
import { decode } from './decode';
import { detectDelimiter } from './delimiter';
import { parseHead } from './head';
import { importFile } from './importFile';

/** The kind a file's header suggests, without staging it (CSV only; other files sort last). */
export function guessKind(file: SourceFile): Kind {
  if (!/\.(csv|tsv|txt)$/i.test(file.name)) return 'table';
  try {
    let end = Math.min(file.bytes.length, 64 * 1024);
    while (end < file.bytes.length && end > 0 && (file.bytes[end]! & 0xc0) === 0x80) end--; // not mid-character
    const d = decode(file.bytes.subarray(0, end));
    return detectKind(parseHead(d.head, detectDelimiter(d.head), 1).headers);
  } catch {
    return 'table';
  }
}

/** Sorts files so references come first. */
function orderForImport<T extends SourceFile>(files: readonly T[]): T[] {
  const rank = (f: SourceFile) => COMMIT_ORDER.indexOf(guessKind(f));
  return files
    .map((f) => ({ f, r: rank(f) }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.f);
}

/** Imports each file in dependency order; one file's failure does not undo the others. */
export async function importFiles(
  db: Db,
  files: readonly SourceFile[],
  answers: Answers = {},
  meta: { isDemo?: boolean; source?: string } = {},
): Promise<ImportOutcome[]> {
  const out: ImportOutcome[] = [];
  for (const f of orderForImport(files)) out.push(await importFile(db, f, answers, meta));
  return out;
}
