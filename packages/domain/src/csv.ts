/** One record of a CSV file: `line` counts records from 1 (the header), as a spreadsheet numbers its rows. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvParse {
  records: CsvRecord[];
  /** The record whose opening quote never closes (everything after it was read into one value). */
  unclosedQuoteLine: number | null;
}

/** Semicolons or tabs when the first line has those and no commas (European Excel, "tab-delimited" saves). */
function detectDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const firstLine = end === -1 ? text : text.slice(0, end);
  if (firstLine.includes(',')) return ',';
  if (firstLine.includes('\t')) return '\t';
  if (firstLine.includes(';')) return ';';
  return ',';
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * RFC 4180, read leniently the way spreadsheets do: quoted fields may hold delimiters, doubled quotes
 * and line breaks; CRLF, LF and lone CR all end a record; a quote inside an unquoted field is kept
 * as text. Records come one at a time (`next`), so a reader can handle each and let it go; runs of
 * ordinary characters are sliced out whole rather than copied one character at a time.
 */
export class CsvScanner {
  private readonly text: string;
  private readonly delimiter: number;
  private position = 0;
  private line = 1;
  private inQuotes = false;
  private quotedLine = 0;

  constructor(input: string) {
    this.text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    this.delimiter = detectDelimiter(this.text).charCodeAt(0);
  }

  /** The record whose opening quote never closes (everything after it was read into one value); known once `next` returns null. */
  get unclosedQuoteLine(): number | null {
    return this.inQuotes ? this.quotedLine : null;
  }

  /** The next record, blank ones included (they keep their number), or null at the end. */
  next(): CsvRecord | null {
    const { text, delimiter } = this;
    const length = text.length;
    if (this.position >= length) return null;
    const cells: string[] = [];
    let field = '';
    let i = this.position;
    while (i < length) {
      if (this.inQuotes) {
        const quote = text.indexOf('"', i);
        if (quote === -1) {
          field += text.slice(i);
          i = length;
        } else if (text.charCodeAt(quote + 1) === QUOTE) {
          field += text.slice(i, quote + 1);
          i = quote + 2;
        } else {
          field += text.slice(i, quote);
          this.inQuotes = false;
          i = quote + 1;
        }
        continue;
      }
      let end = i;
      let char = 0;
      while (end < length) {
        char = text.charCodeAt(end);
        if (char === delimiter || char === QUOTE || char === CR || char === LF) break;
        end += 1;
      }
      if (end > i) field = field === '' ? text.slice(i, end) : field + text.slice(i, end);
      if (end === length) break;
      i = end + 1;
      if (char === QUOTE) {
        if (field.trim() === '') {
          // Spaces before an opening quote are padding, not content.
          field = '';
          this.inQuotes = true;
          this.quotedLine = this.line;
        } else {
          field += '"';
        }
      } else if (char === delimiter) {
        cells.push(field);
        field = '';
      } else {
        if (char === CR && text.charCodeAt(i) === LF) i += 1;
        cells.push(field);
        this.position = i;
        return { line: this.line++, cells };
      }
    }
    // The text ends inside this record.
    this.position = length;
    if (field === '' && cells.length === 0 && !this.inQuotes) return null;
    cells.push(field);
    return { line: this.line++, cells };
  }
}

/** Every record of a file; blank records at the end are dropped. */
export function parseCsv(input: string): CsvParse {
  const scanner = new CsvScanner(input);
  const records: CsvRecord[] = [];
  for (let record = scanner.next(); record; record = scanner.next()) records.push(record);
  while (records.length > 0 && isBlank(records[records.length - 1].cells)) records.pop();
  return { records, unclosedQuoteLine: scanner.unclosedQuoteLine };
}

export function isBlankRecord(record: CsvRecord): boolean {
  return isBlank(record.cells);
}

/** A value for one cell of a CSV file we write; null and undefined leave the cell empty. */
export type CsvValue = string | number | boolean | null | undefined;

// What a spreadsheet skips before it looks for a formula sign: spaces of every kind, control
// characters, and the invisible joiners and marks a pasted name can carry.
const INVISIBLE = '\\s\\u0000-\\u001f\\u007f-\\u009f\\u200b-\\u200f\\u2060\\ufeff';
/** A cell a spreadsheet would run: a formula sign after nothing visible, or a leading tab or carriage return. */
const FORMULA_AT_START = new RegExp(`^(?:[${INVISIBLE}]*[=+\\-@]|[\\t\\r])`);
/**
 * A formula sign where another reading of the file starts a new cell just before it (after anything
 * invisible): after a semicolon (the list separator of many European locales), a comma or a quote
 * (for a reader that splits without honouring quotes), a tab (a "text" import) or a line break (a
 * reader that splits lines first).
 */
const FORMULA_AFTER_SEPARATOR = new RegExp(`([;,"\\t\\r\\n][${INVISIBLE}]*)(?=[=+\\-@])`, 'g');
/** Quoted so that every reader, whichever separator it splits on, keeps the cell whole and its spaces. */
const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$/;

/**
 * One cell of a CSV file that a careers leader will open in a spreadsheet. Text that a spreadsheet
 * would run as a formula (a pupil's name like "=HYPERLINK(…)", " =1+1", "Jo;=cmd|…") gets an
 * apostrophe, which spreadsheets read as "this is text" and do not show: at the start of the cell,
 * and before the formula sign wherever some reader might split the cell. The
 * cell is quoted when it holds a separator, a quote, a line break or edge spaces. Numbers are
 * written as they are (a negative count is a number, not a formula).
 */
export function csvCell(value: CsvValue): string {
  if (value == null) return '';
  if (typeof value !== 'string') return String(value);
  let text = value.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  if (FORMULA_AT_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text: comma-separated, each cell through `csvCell`, Windows line endings (which Excel and every MIS read). */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
