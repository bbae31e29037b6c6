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

/**
 * RFC 4180, read leniently the way spreadsheets do: quoted fields may hold delimiters, doubled quotes
 * and line breaks; CRLF, LF and lone CR all end a record; a quote inside an unquoted field is kept
 * as text. Blank records keep their number (so line numbers match the spreadsheet) and blank records
 * at the end are dropped.
 */
export function parseCsv(input: string): CsvParse {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let inQuotes = false;
  let quotedLine = 0;
  let line = 1;
  const endField = () => {
    cells.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push({ line, cells });
    cells = [];
    line += 1;
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inQuotes) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          inQuotes = false;
        }
      } else {
        field += char;
      }
      continue;
    }
    if (char === '"' && field.trim() === '') {
      // Spaces before an opening quote are padding, not content.
      field = '';
      inQuotes = true;
      quotedLine = line;
    } else if (char === delimiter) {
      endField();
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
    } else {
      field += char;
    }
  }
  const unclosedQuoteLine = inQuotes ? quotedLine : null;
  if (field !== '' || cells.length > 0 || inQuotes) endRecord();
  while (records.length > 0 && isBlank(records[records.length - 1].cells)) records.pop();
  return { records, unclosedQuoteLine };
}

export function isBlankRecord(record: CsvRecord): boolean {
  return isBlank(record.cells);
}
