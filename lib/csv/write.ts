// The one CSV writer of the registry: every CSV it hands out (public downloads, catalogue export, audit
// export) goes through csvField, so every one is quoted the same way and safe to open in a spreadsheet.
//
// Quoting is csv-stringify's with its defaults (a property test holds them equal): a field is quoted when
// it holds a quote, a comma, a CR or a LF, and its quotes are doubled; null and undefined are empty;
// numbers are written as JavaScript prints them.
//
// CSV injection (OWASP): a spreadsheet runs a cell that starts with = + - @ (or TAB or CR before one) as a
// formula, and an attacker can plant one through any text field (the sign-in email lands in the audit
// trail). Such a string cell gets a leading apostrophe, which spreadsheets read as "text". So that an
// export stays reversible, a string cell that already starts with an apostrophe gets one more. Reading
// back (restoreCsvCell, used by the catalogue import) drops exactly one leading apostrophe, which undoes
// both rules. Numbers (JS numbers) are never prefixed: -5 stays a number.

/** A value a CSV cell can hold. */
export type CsvCell = string | number | null | undefined;

/** UTF-8 byte order mark: spreadsheet programs need it to read Chinese text in a CSV file. */
export const CSV_BOM = '\uFEFF';

const needsQuotes = /[",\r\n]/;

/** Whether a string cell starts with a character that must be neutralized (= + - @ TAB CR, or ' itself). */
function needsPrefix(text: string): boolean {
  switch (text.charCodeAt(0)) {
    case 0x3d: // =
    case 0x2b: // +
    case 0x2d: // -
    case 0x40: // @
    case 0x09: // TAB
    case 0x0d: // CR
    case 0x27: // ' (escape the escape)
      return true;
    default:
      return false;
  }
}

/** One CSV field: neutralized against formulas when it is a string, then quoted as csv-stringify would. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  // (Anything else that slips past the type is written as its text, and neutralized like any text.)
  const raw = typeof value === 'string' ? value : String(value);
  const text = needsPrefix(raw) ? `'${raw}` : raw;
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record (its fields in order) with its line end. */
export function csvRecord(values: readonly CsvCell[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : ',') + csvField(values[i]);
  return `${line}\n`;
}

/** One CSV record of an object's named columns, with its line end (no array in between: downloads are long). */
export function csvRecordOf(row: Readonly<Record<string, CsvCell>>, columns: readonly string[]): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) line += (i === 0 ? '' : ',') + csvField(row[columns[i]!]);
  return `${line}\n`;
}

/**
 * A whole CSV file in pieces: the BOM and the header row, then the records a few hundred at a time, so a
 * long export is written (and sent) without building one string.
 */
export function* csvChunks(rows: Iterable<Readonly<Record<string, CsvCell>>>, columns: readonly string[], rowsPerChunk = 400): Generator<string> {
  yield CSV_BOM + csvRecord(columns);
  let text = '';
  let count = 0;
  for (const row of rows) {
    text += csvRecordOf(row, columns);
    if (++count === rowsPerChunk) {
      yield text;
      text = '';
      count = 0;
    }
  }
  if (count > 0) yield text;
}

/**
 * A cell of a CSV file read back: one leading apostrophe is dropped, which undoes the writer's prefix (for a
 * formula-like cell and for a cell that began with an apostrophe alike). A hand-written file whose cell
 * really starts with an apostrophe needs a second one.
 */
export function restoreCsvCell(cell: string): string {
  return cell.charCodeAt(0) === 0x27 ? cell.slice(1) : cell;
}
