/** A part of a large import: the rows from row `offset` on. */
export interface ImportPart<T> {
  offset: number;
  rows: T[];
}

/**
 * Splits rows into parts whose JSON (UTF-8) stays under `maxBytes`, so that each part fits in one
 * request whatever the length of the rows.
 */
export function importParts<T>(rows: readonly T[], maxBytes: number): ImportPart<T>[] {
  const parts: ImportPart<T>[] = [];
  let current: ImportPart<T> = { offset: 0, rows: [] };
  let size = 0;
  const encoder = new TextEncoder();
  rows.forEach((row, index) => {
    const rowSize = encoder.encode(JSON.stringify(row)).length + 1;
    if (current.rows.length > 0 && size + rowSize > maxBytes) {
      parts.push(current);
      current = { offset: index, rows: [] };
      size = 0;
    }
    current.rows.push(row);
    size += rowSize;
  });
  if (current.rows.length > 0) parts.push(current);
  return parts;
}
