// What a cell of an exported table may hold: numbers stay numbers, text is neutralised (see neutralise).
export type Cell = string | number | boolean | null | undefined;

/**
 * Text that a spreadsheet would run as a formula (starts with = + - @, or a tab/CR that hides one)
 * gets a leading apostrophe, so a unit named "=HYPERLINK(…)" in an input file stays text in Excel.
 */
export function neutralise(cell: Cell): Cell {
  if (typeof cell !== 'string') return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
