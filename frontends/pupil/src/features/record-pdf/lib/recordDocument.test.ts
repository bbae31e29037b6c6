import { describe, expect, it } from 'vitest';
import { benchmarksLine, buildRecordDocument, recordFileName, slug, type PdfBlock, type RecordForPdf } from './recordDocument';

const record: RecordForPdf = {
  displayName: 'Maya Okafor',
  schoolName: 'Northfield Academy',
  yearGroup: 10,
  activities: [
    { title: 'Careers fair', kindLabel: 'Careers fair', date: '2026-02-10T12:00:00.000Z', benchmarks: [7, 5] },
    { title: 'NHS careers talk', kindLabel: 'Employer talk', date: '2026-03-04T12:00:00.000Z', benchmarks: [5] },
    { title: 'Year 9 options lesson', kindLabel: 'Careers lesson', date: '2025-01-20T12:00:00.000Z', benchmarks: [] },
  ],
  intendedDestination: { kindLabel: 'Apprenticeship', provider: 'Acme Engineering' },
};

const producedOn = new Date('2026-11-23T10:00:00.000Z');
const items = (blocks: PdfBlock[]) => blocks.filter((block): block is Extract<PdfBlock, { kind: 'item' }> => block.kind === 'item');

describe('buildRecordDocument', () => {
  const doc = buildRecordDocument(record, producedOn);

  it('starts with who, where, which year and what next', () => {
    expect(doc.blocks[0]).toEqual({ kind: 'title', text: 'Careers record: Maya Okafor' });
    expect(doc.blocks[1]).toEqual({
      kind: 'fields',
      rows: [
        { label: 'Name', value: 'Maya Okafor' },
        { label: 'School', value: 'Northfield Academy' },
        { label: 'Year group', value: 'Year 10' },
        { label: 'Intended destination', value: 'Apprenticeship, Acme Engineering' },
        { label: 'Record produced on', value: '23 November 2026' },
      ],
    });
  });

  it('lists every activity, newest first, with its date, kind and benchmarks', () => {
    expect(items(doc.blocks)).toEqual([
      {
        kind: 'item',
        title: 'NHS careers talk',
        lines: ['4 March 2026: Employer talk', 'Gatsby Benchmark: 5 (Encounters with employers and employees)'],
      },
      {
        kind: 'item',
        title: 'Careers fair',
        lines: [
          '10 February 2026: Careers fair',
          'Gatsby Benchmarks: 5 (Encounters with employers and employees); 7 (Encounters with further and higher education)',
        ],
      },
      { kind: 'item', title: 'Year 9 options lesson', lines: ['20 January 2025: Careers lesson', 'Gatsby Benchmarks: none'] },
    ]);
    expect(doc.blocks).toContainEqual({ kind: 'heading', text: 'Careers activities (3)' });
  });

  it('names the file, the title and the footer after the pupil', () => {
    expect(doc.fileName).toBe('waymark-record-maya-okafor.pdf');
    expect(doc.title).toBe('Careers record: Maya Okafor');
    expect(doc.footer).toBe('Careers record for Maya Okafor, produced by Waymark on 23 November 2026');
  });

  it('says plainly when there is nothing yet', () => {
    const empty = buildRecordDocument({ ...record, activities: [], intendedDestination: null, yearGroup: null, schoolName: null }, producedOn);
    expect(items(empty.blocks)).toEqual([]);
    expect(empty.blocks).toContainEqual({ kind: 'paragraph', text: 'No careers activities have been recorded yet.' });
    expect(empty.blocks[1]).toMatchObject({
      rows: expect.arrayContaining([
        { label: 'Year group', value: 'Not recorded' },
        { label: 'Intended destination', value: 'Not recorded yet' },
      ]),
    });
  });

  it('adds destinations after leaving when there are some', () => {
    const left = buildRecordDocument({ ...record, laterDestinations: [{ stageLabel: 'On leaving school', kindLabel: 'FE college' }] }, producedOn);
    expect(left.blocks.slice(-2)).toEqual([
      { kind: 'heading', text: 'Destinations after leaving school' },
      { kind: 'fields', rows: [{ label: 'On leaving school', value: 'FE college' }] },
    ]);
  });
});

describe('names and numbers', () => {
  it.each([
    ['Maya Okafor', 'maya-okafor'],
    ['Zoë  O’Brien-Smith', 'zoe-o-brien-smith'],
    ['Łukasz Nowak', 'ukasz-nowak'],
    ['李华', 'pupil'],
  ])('slug(%s) → %s', (name, expected) => {
    expect(slug(name)).toBe(expected);
  });

  it('makes the download name', () => {
    expect(recordFileName('Maya Okafor')).toBe('waymark-record-maya-okafor.pdf');
  });

  it('writes benchmarks once each, in order', () => {
    expect(benchmarksLine([8, 8, 2])).toBe('Gatsby Benchmarks: 2 (Learning from career and labour market information); 8 (Personal guidance)');
  });
});
