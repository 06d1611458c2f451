// Test helpers: files made in the test from text (so each case shows its bytes), and a shared Node DuckDB.
import type { SourceFile } from '../types';

export const utf8 = (name: string, text: string): SourceFile => ({ name, bytes: new TextEncoder().encode(text) });
export const csv = (name: string, lines: string[]): SourceFile => utf8(name, lines.join('\n') + '\n');
