// File signatures, kept apart from the readers so that checking them does not pull SheetJS or hyparquet into the
// main bundle (the readers are imported lazily).

/** "PAR1" at the start of the file. */
export const isParquet = (b: Uint8Array): boolean => b.length > 8 && b[0] === 0x50 && b[1] === 0x41 && b[2] === 0x52 && b[3] === 0x31;

/** ZIP (XLSX) or OLE2 (old XLS) signature. */
export const isSpreadsheet = (b: Uint8Array): boolean =>
  (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) || (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0);
