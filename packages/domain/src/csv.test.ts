import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv } from './csv.js';

describe('csvCell', () => {
  it.each([
    // Ordinary text is left alone.
    { value: 'Maya Okafor', cell: 'Maya Okafor', reason: 'plain text needs nothing' },
    { value: 'Year 10 - careers fair', cell: 'Year 10 - careers fair', reason: 'a sign in the middle of text after a space is not after a separator' },
    { value: "O'Neil", cell: "O'Neil", reason: 'an apostrophe inside a name stays as it is' },
    { value: 'jo@example.org', cell: 'jo@example.org', reason: 'an @ that does not start the cell is harmless' },
    { value: '', cell: '', reason: 'an empty string is an empty cell' },
    // Quoting.
    { value: 'Smith, Jo', cell: '"Smith, Jo"', reason: 'a comma is quoted so the cell stays whole' },
    { value: 'Smith; Jo', cell: '"Smith; Jo"', reason: 'a semicolon is quoted too, for readers that split on it' },
    { value: 'She said "hi"', cell: '"She said ""hi"""', reason: 'quotes are doubled inside a quoted cell' },
    { value: 'two\nlines', cell: '"two\nlines"', reason: 'a line break stays inside a quoted cell' },
    { value: ' padded ', cell: '" padded "', reason: 'edge spaces are kept by quoting' },
    // A formula sign at the start.
    { value: '=HYPERLINK("http://x")', cell: `"'=HYPERLINK(""http://x"")"`, reason: 'an equals sign starts a formula' },
    { value: '+44 20 7946 0000', cell: "'+44 20 7946 0000", reason: 'a plus sign starts a formula' },
    { value: '-1', cell: "'-1", reason: 'a minus sign starts a formula (text that looks like a number included)' },
    { value: '@SUM(A1:A9)', cell: "'@SUM(A1:A9)", reason: 'an at sign starts a formula in Excel' },
    { value: '\t=1+1', cell: `"'\t'=1+1"`, reason: 'a leading tab is neutralised, and the formula sign after it too (a tab is also a separator)' },
    { value: '\tplain', cell: `"'\tplain"`, reason: 'a leading tab alone is neutralised too' },
    { value: '\rplain', cell: `"'\rplain"`, reason: 'a leading carriage return alone is neutralised too' },
    // The same after leading whitespace or control characters.
    { value: ' =1+1', cell: "' =1+1", reason: 'a leading space does not hide a formula' },
    { value: '   -2+3', cell: "'   -2+3", reason: 'nor do several spaces' },
    { value: '\u00a0=1+1', cell: "'\u00a0=1+1", reason: 'nor a no-break space' },
    { value: '\u3000@cmd', cell: "'\u3000@cmd", reason: 'nor an ideographic space' },
    { value: '\u0000=1+1', cell: "'\u0000=1+1", reason: 'nor a NUL' },
    { value: '\u001b+1', cell: "'\u001b+1", reason: 'nor another control character' },
    { value: '\u200b=1+1', cell: "'\u200b=1+1", reason: 'nor a zero-width space' },
    { value: '\ufeff=1+1', cell: "'\ufeff=1+1", reason: 'nor a byte-order mark' },
    { value: '\n=1+1', cell: `"\n'=1+1"`, reason: 'nor a line break, which is also a place a reader may split' },
    // A formula sign after a separator, where another reader would start a new cell.
    { value: 'Jo;=1+1', cell: `"Jo;'=1+1"`, reason: 'a semicolon-separated reader would see "=1+1" as its own cell' },
    { value: 'Jo; =1+1', cell: `"Jo; '=1+1"`, reason: 'and spaces after the separator do not hide it' },
    { value: 'Jo,@SUM(1)', cell: `"Jo,'@SUM(1)"`, reason: 'a comma, for a reader that ignores quotes' },
    { value: 'Jo\t-1', cell: `"Jo\t'-1"`, reason: 'a tab, for a tab-separated import' },
    { value: 'Jo\r\n+1', cell: `"Jo\r\n'+1"`, reason: 'a line break, for a reader that splits lines first' },
    { value: 'a;=1;+2', cell: `"a;'=1;'+2"`, reason: 'every such place, not only the first' },
    { value: '=a;=b', cell: `"'=a;'=b"`, reason: 'the start and a separator together' },
    { value: ';=1', cell: `";'=1"`, reason: 'a cell that starts with a separator' },
    { value: 'a;b', cell: '"a;b"', reason: 'a separator before ordinary text is only quoted' },
    { value: 'say "=1"', cell: `"say ""'=1"""`, reason: 'a quote, for a reader that splits on quotes without pairing them' },
  ])('$reason: $value', ({ value, cell }) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    { value: 10, cell: '10', reason: 'a number is written as it is' },
    { value: -3, cell: '-3', reason: 'a negative number is a number, not a formula' },
    { value: true, cell: 'true', reason: 'a boolean is written as it is' },
    { value: null, cell: '', reason: 'null leaves the cell empty' },
    { value: undefined, cell: '', reason: 'a missing value leaves the cell empty' },
  ])('$reason', ({ value, cell }) => {
    expect(csvCell(value)).toBe(cell);
  });

  // Every way a spreadsheet might cut the cell up, and after whatever it skips, no piece starts a formula.
  it.each(['=1+1', ' =1+1', '\t\t=1', 'a;=1', 'a , -1', 'x\n\n=1', 'x\r\r+1', '\u2060@x', 'a;;=1', '"=1";"=2"', '\u0085=1'])(
    'leaves nothing to run in %j, however it is split',
    (value) => {
      const cell = csvCell(value);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
      for (const piece of unquoted.split(/[;,\t\r\n"]/)) {
        // eslint-disable-next-line no-control-regex -- the test looks for the control characters a spreadsheet ignores
        expect(piece, `${JSON.stringify(value)} → ${JSON.stringify(cell)}`).not.toMatch(/^[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2060\ufeff]*[=+\-@]/);
      }
    },
  );
});

describe('toCsv', () => {
  it('joins cells with commas and rows with Windows line endings, ending with one', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['c', 1],
      ]),
    ).toBe('a,b\r\nc,1\r\n');
  });

  it('reads back through the parser as written, for text that needs no neutralising', () => {
    const rows = [
      ['Pupil', 'Detail'],
      ['Zoë Ná, Jr', 'She said "hi"'],
      ['two\nlines', ' padded '],
      ['a;b', ''],
    ];
    expect(parseCsv(toCsv(rows)).records.map((record) => record.cells)).toEqual(rows);
  });
});
