import { describe, expect, it } from 'vitest';
import { decodeRosterBytes, decodeWindows1252 } from './roster-decode.js';
import { parseCsv } from '@waymark/domain';
import { normaliseHeader, planColumns, recogniseHeader, ROSTER_FIELDS, type RosterFieldKey } from './roster-fields.js';
import { rosterSourceFromFile } from './roster-source.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));
const latin = (text: string) => Buffer.from(text, 'latin1');

describe('decodeRosterBytes', () => {
  const cases: { name: string; input: Uint8Array; text: string; encoding: string }[] = [
    { name: 'plain UTF-8', input: bytes('UPN,Surname\n'), text: 'UPN,Surname\n', encoding: 'utf-8' },
    { name: 'UTF-8 with a byte-order mark (the BOM is dropped)', input: bytes([0xef, 0xbb, 0xbf], 'UPN,Surname'), text: 'UPN,Surname', encoding: 'utf-8' },
    { name: 'UTF-8 accents stay UTF-8', input: bytes('Zoë,Renée'), text: 'Zoë,Renée', encoding: 'utf-8' },
    { name: 'Windows-1252 right single quote 0x92', input: latin('O\x92Brien'), text: 'O\u2019Brien', encoding: 'windows-1252' },
    { name: 'Windows-1252 é (0xE9) in a name', input: latin('Ren\xe9e'), text: 'Renée', encoding: 'windows-1252' },
    { name: 'Windows-1252 euro, dashes and œ', input: latin('\x80 \x96 \x97 \x9c \x85'), text: '€ – — œ …', encoding: 'windows-1252' },
    { name: 'Windows-1252 unassigned 0x81 keeps its code point', input: latin('a\x81b'), text: 'a\u0081b', encoding: 'windows-1252' },
    { name: 'UTF-16 LE with BOM', input: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('UPN,Zoë', 'utf16le')]), text: 'UPN,Zoë', encoding: 'utf-16le' },
    {
      name: 'UTF-16 BE with BOM',
      input: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('UPN', 'utf16le').swap16()]),
      text: 'UPN',
      encoding: 'utf-16be',
    },
  ];
  it.each(cases)('$name', ({ input, text, encoding }) => {
    expect(decodeRosterBytes(input)).toEqual({ text, encoding });
  });

  it('maps every Windows-1252 byte to one character, Latin-1 outside 0x80–0x9F', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = decodeWindows1252(all);
    expect(text).toHaveLength(256);
    expect(text.charCodeAt(0x41)).toBe(0x41);
    expect(text.charCodeAt(0xa3)).toBe(0xa3);
    expect(text.charCodeAt(0xff)).toBe(0xff);
    expect(text[0x92]).toBe('\u2019');
    expect(text[0x80]).toBe('€');
  });
});

describe('parseCsv', () => {
  const cases: { name: string; input: string; cells: string[][]; lines?: number[]; unclosed?: number | null }[] = [
    {
      name: 'LF line endings',
      input: 'a,b\n1,2\n',
      cells: [
        ['a', 'b'],
        ['1', '2'],
      ],
    },
    {
      name: 'CRLF line endings',
      input: 'a,b\r\n1,2\r\n',
      cells: [
        ['a', 'b'],
        ['1', '2'],
      ],
    },
    {
      name: 'lone CR (old Mac Excel)',
      input: 'a,b\r1,2',
      cells: [
        ['a', 'b'],
        ['1', '2'],
      ],
    },
    {
      name: 'no newline at the end',
      input: 'a,b\n1,2',
      cells: [
        ['a', 'b'],
        ['1', '2'],
      ],
    },
    {
      name: 'a quoted comma',
      input: 'name,tutor\n"Smith, Jo",10A\n',
      cells: [
        ['name', 'tutor'],
        ['Smith, Jo', '10A'],
      ],
    },
    { name: 'doubled quotes inside quotes', input: 'a\n"say ""hi"""\n', cells: [['a'], ['say "hi"']] },
    {
      name: 'a newline inside quotes stays in the value, and the record keeps one number',
      input: 'a,b\n"x\r\ny",2\n3,4\n',
      cells: [
        ['a', 'b'],
        ['x\r\ny', '2'],
        ['3', '4'],
      ],
      lines: [1, 2, 3],
    },
    {
      name: 'blank trailing lines are dropped',
      input: 'a,b\n1,2\n\n\r\n,\n',
      cells: [
        ['a', 'b'],
        ['1', '2'],
      ],
    },
    {
      name: 'a blank line in the middle keeps its number (as a spreadsheet shows it)',
      input: 'a\n1\n\n2\n',
      cells: [['a'], ['1'], [''], ['2']],
      lines: [1, 2, 3, 4],
    },
    {
      name: 'empty fields',
      input: 'a,b,c\n,,\n1,,3',
      cells: [
        ['a', 'b', 'c'],
        ['', '', ''],
        ['1', '', '3'],
      ],
    },
    { name: 'a quote inside an unquoted field is text', input: 'a\nO"Neil\n', cells: [['a'], ['O"Neil']] },
    {
      name: 'spaces before an opening quote',
      input: 'a,b\n1,  "x,y"\n',
      cells: [
        ['a', 'b'],
        ['1', 'x,y'],
      ],
    },
    {
      name: 'semicolons when the header has no commas',
      input: 'UPN;Surname\nA1;Smith\n',
      cells: [
        ['UPN', 'Surname'],
        ['A1', 'Smith'],
      ],
    },
    {
      name: 'tabs when the header has no commas',
      input: 'UPN\tSurname\nA1\tSmith, Jo\n',
      cells: [
        ['UPN', 'Surname'],
        ['A1', 'Smith, Jo'],
      ],
    },
    { name: 'a BOM left in the text', input: '\ufeffUPN,Surname\n', cells: [['UPN', 'Surname']] },
    {
      name: 'an unclosed quote is reported with its line',
      input: 'a,b\n1,"oops\n2,3\n',
      cells: [
        ['a', 'b'],
        ['1', 'oops\n2,3\n'],
      ],
      unclosed: 2,
    },
  ];
  it.each(cases)('$name', ({ input, cells, lines, unclosed }) => {
    const parsed = parseCsv(input);
    expect(parsed.records.map((r) => r.cells)).toEqual(cells);
    if (lines) expect(parsed.records.map((r) => r.line)).toEqual(lines);
    expect(parsed.unclosedQuoteLine).toBe(unclosed ?? null);
  });
});

describe('header recognition', () => {
  const cases: [string, RosterFieldKey | null][] = [
    ['UPN', 'upn'],
    ['upn', 'upn'],
    ['Unique Pupil Number', 'upn'],
    ['Legal Surname', 'legalSurname'],
    ['legal_surname', 'legalSurname'],
    ['SURNAME', 'legalSurname'],
    ['Last Name', 'legalSurname'],
    ['Legal Forename', 'legalForename'],
    ['Forename', 'legalForename'],
    ['First Name', 'legalForename'],
    ['Preferred Forename', 'preferredName'],
    ['DOB', 'dateOfBirth'],
    ['D.O.B.', 'dateOfBirth'],
    ['Date of Birth', 'dateOfBirth'],
    ['Year', 'yearGroup'],
    ['Year Group', 'yearGroup'],
    ['NC Year', 'yearGroup'],
    ['Reg Group', 'tutorGroup'],
    ['Registration Group', 'tutorGroup'],
    ['Tutor Group', 'tutorGroup'],
    ['Form', 'tutorGroup'],
    ['SEN Status', 'senStatus'],
    ['SEN Provision', 'senStatus'],
    ['FSM', 'disadvantaged'],
    ['FSM Eligible', 'disadvantaged'],
    ['Pupil Premium', 'disadvantaged'],
    ['PP', 'disadvantaged'],
    ['EAL', 'eal'],
    ['In Care', 'lookedAfter'],
    ['Looked After', 'lookedAfter'],
    ['CLA', 'lookedAfter'],
    ['Young Carer', 'youngCarer'],
    ['Service Child', 'serviceChild'],
    ['Refugee', 'refugee'],
    ['  Refugee  ', 'refugee'],
    ['Reg', 'tutorGroup'],
    ['Reg Group', 'tutorGroup'],
    ['Form', 'tutorGroup'],
    ['Registration', 'tutorGroup'],
    ['Gender', null],
    ['Adno', null],
  ];
  it.each(cases)('%s → %s', (header, field) => {
    expect(recogniseHeader(header)).toBe(field);
  });

  it("recognises every header of Waymark's own template as its field", () => {
    for (const field of ROSTER_FIELDS) expect(recogniseHeader(field.header)).toBe(field.key);
  });

  it('ignores case, spaces, punctuation and accents', () => {
    expect(normaliseHeader(' Légal-Surname (MIS) ')).toBe('legalsurnamemis');
  });

  it('prefers the legal column when a file has both, and shows the other as ignored', () => {
    const plan = planColumns(['Surname', 'Legal Surname', 'Forename', 'UPN', 'DOB', 'Year', 'Gender'], new Map());
    expect(plan.indexes.get('legalSurname')).toEqual([1]);
    expect(plan.columns.find((c) => c.header === 'Surname')!.field).toBeNull();
    expect(plan.unmapped).toEqual(['Gender']);
    expect(plan.missing).toEqual([]);
  });

  it('reads every column of a yes/no group (FSM and Pupil Premium both feed disadvantaged)', () => {
    const plan = planColumns(['UPN', 'FSM', 'Pupil Premium'], new Map());
    expect(plan.indexes.get('disadvantaged')).toEqual([1, 2]);
    expect(plan.missing).toEqual(['legalSurname', 'legalForename', 'dateOfBirth', 'yearGroup']);
  });

  it("lets the leader's choices override the spellings, map unknown headers and ignore columns", () => {
    const choices = new Map<string, RosterFieldKey | null>([
      ['pupilref', 'upn'],
      ['gender', null],
      ['year', null],
      ['curriculumstage', 'yearGroup'],
    ]);
    const plan = planColumns(['Pupil Ref', 'Surname', 'Forename', 'DOB', 'Year', 'Curriculum Stage', 'Gender', 'House'], choices);
    expect(plan.indexes.get('upn')).toEqual([0]);
    expect(plan.indexes.get('yearGroup')).toEqual([5]);
    expect(plan.columns).toContainEqual({ header: 'Gender', field: null });
    expect(plan.unmapped).toEqual(['House']);
  });
});

describe('rosterSourceFromFile', () => {
  it('finds the header under a report title line and keeps spreadsheet line numbers', () => {
    const file = bytes('Pupil list exported 01/09/2026\r\nUPN,Surname,Forename,DOB,Year\r\nA,B,C,D,E\r\n');
    const source = rosterSourceFromFile(file, new Map());
    expect(source.rows).toEqual([{ line: 3, values: { upn: ['A'], legalSurname: ['B'], legalForename: ['C'], dateOfBirth: ['D'], yearGroup: ['E'] } }]);
  });

  it('reads a Windows-1252 export with a BOM-less header, CRLF and a quoted name', () => {
    const file = latin('UPN,Legal Surname,Legal Forename,DOB,Year\r\nX,"O\x92Brien, Jnr",Ren\xe9e,01/02/2012,Y9\r\n\r\n');
    const source = rosterSourceFromFile(file, new Map());
    expect(source.encoding).toBe('windows-1252');
    expect(source.rows[0].values.legalSurname).toEqual(['O\u2019Brien, Jnr']);
    expect(source.rows[0].values.legalForename).toEqual(['Renée']);
    expect(source.rows).toHaveLength(1);
  });
});
