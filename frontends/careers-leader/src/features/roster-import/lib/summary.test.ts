import { describe, expect, it } from 'vitest';
import type { RosterImport } from '../graphql/rosterImport';
import { canCommit, duplicateChoices, fileSize, rejectedLineCount, sortRejected, toMappingInput, validRowCount } from './summary';

const preview = (overrides: Partial<RosterImport> = {}): RosterImport => ({
  id: 'imp-1',
  status: 'PREVIEWED',
  fullRoster: true,
  totalRows: 5,
  processedRows: 0,
  toAdd: 0,
  toChange: 0,
  markLeftNeedsConfirmation: false,
  toMarkLeft: 0,
  unchanged: 0,
  transfersIn: 0,
  rejected: [],
  columns: [],
  unmappedColumns: [],
  createdAt: '2026-11-23T10:00:00.000Z',
  committedAt: null,
  failureMessage: null,
  ...overrides,
});

describe('what can be committed', () => {
  it('counts the rows of the file that will land', () => {
    expect(validRowCount(preview({ toAdd: 2, toChange: 1, unchanged: 4, transfersIn: 1, toMarkLeft: 9 }))).toBe(8);
  });

  it('needs at least one valid row, even when pupils would be marked as left', () => {
    expect(canCommit(preview({ toMarkLeft: 300, rejected: [{ line: 2, upn: null, field: 'upn', reason: 'Missing' }] }))).toBe(false);
    expect(canCommit(preview({ unchanged: 1 }))).toBe(true);
    expect(canCommit(preview({ toAdd: 3 }))).toBe(true);
  });

  it('never commits twice', () => {
    expect(canCommit(preview({ toAdd: 3, status: 'COMMITTING' }))).toBe(false);
    expect(canCommit(preview({ toAdd: 3, status: 'COMMITTED' }))).toBe(false);
  });
});

describe('rejected rows', () => {
  const rejected = [
    { line: 9, upn: 'B1', field: 'dateOfBirth', reason: 'Not a date' },
    { line: 3, upn: 'X', field: 'upn', reason: 'Wrong check letter' },
    { line: 9, upn: 'B1', field: 'yearGroup', reason: 'Must be 7 to 13' },
  ];

  it('lists them in file order and counts lines, not problems', () => {
    expect(sortRejected(rejected).map((row) => row.line)).toEqual([3, 9, 9]);
    expect(rejectedLineCount(rejected)).toBe(2);
  });
});

describe('column mapping', () => {
  it('sends every unknown header, untouched ones as ignored', () => {
    expect(toMappingInput(['Reg', 'Locker'], { Reg: 'tutorGroup' })).toEqual([
      { header: 'Reg', field: 'tutorGroup' },
      { header: 'Locker', field: null },
    ]);
  });

  it('finds two headers mapped to the same field', () => {
    expect(duplicateChoices({ Reg: 'tutorGroup', Form: 'tutorGroup', Locker: '' })).toEqual(new Map([['tutorGroup', ['Reg', 'Form']]]));
    expect(duplicateChoices({ A: '', B: '' }).size).toBe(0);
  });
});

describe('fileSize', () => {
  it.each([
    [840, '840 bytes'],
    [12 * 1024, '12 KB'],
    [3.4 * 1024 * 1024, '3.4 MB'],
  ])('%d → %s', (bytes, text) => {
    expect(fileSize(bytes)).toBe(text);
  });
});
