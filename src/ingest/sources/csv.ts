// CSV/TSV/TXT: decode, find the delimiter, parse the head in JS; the body is staged by DuckDB as it is.
import type { Answers, SourceFile } from '../types';
import { decode } from '../decode';
import { detectDecimalComma, detectDelimiter } from '../delimiter';
import { parseHead } from '../head';
import type { TextSource } from './types';

export function readCsv(file: SourceFile, answers: Answers): TextSource {
  const d = decode(file.bytes, answers.encoding);
  const delimiter = answers.delimiter ?? detectDelimiter(d.head);
  const head = parseHead(d.head, delimiter);
  return {
    utf8: d.utf8, head, delimiter, encoding: d.encoding, sheet: null, firstRow: 2,
    decimalComma: answers.decimalComma ?? detectDecimalComma(delimiter, head.rows),
    retry: (encoding) => readCsv(file, { ...answers, encoding }),
  };
}
