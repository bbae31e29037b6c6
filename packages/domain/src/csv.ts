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
