// CSV/TSV/TXT: decode, one kind of line ending, find the delimiter, parse the head in JS; the body is staged by
// DuckDB as it is.
import type { Answers, SourceFile } from '../types';
import { decode, utf8Head } from '../decode';
import { detectDecimalComma, detectDelimiter } from '../delimiter';
import { parseHead } from '../head';
import { needsOneLineEnding, oneLineEnding } from '../lineEndings';
import type { TextSource } from './types';

export function readCsv(file: SourceFile, answers: Answers): TextSource {
  const d = decode(file.bytes, answers.encoding);
  // CRLF, CR and LF mixed (files pieced together on different systems): rows as Excel shows them. A mix below the
  // head makes DuckDB refuse the file, and staging rewrites it then (OnRefused in importFile).
  const utf8 = needsOneLineEnding(d.head) ? oneLineEnding(d.utf8) : d.utf8;
  const text = utf8 === d.utf8 ? d.head : utf8Head(utf8);
  const delimiter = answers.delimiter ?? detectDelimiter(text);
  const head = parseHead(text, delimiter);
  return {
    utf8,
    head,
    delimiter,
    encoding: d.encoding,
    sheet: null,
    firstRow: 2,
    decimalComma: answers.decimalComma ?? detectDecimalComma(delimiter, head.rows),
    retry: (encoding, bytes) => readCsv(bytes ? { ...file, bytes } : file, { ...answers, encoding }),
  };
}
