import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfText } from './pdfText.testing';
import { buildRecordDocument, type RecordForPdf } from './recordDocument';
import { renderRecordPdf, toDrawable, wrapText } from './renderRecordPdf';

const producedOn = new Date('2026-11-23T10:00:00.000Z');

function record(activityCount: number, overrides: Partial<RecordForPdf> = {}): RecordForPdf {
  return {
    displayName: 'Maya Okafor',
    schoolName: 'Northfield Academy',
    yearGroup: 10,
    activities: Array.from({ length: activityCount }, (_, index) => ({
      title: `Activity number ${index + 1}`,
      kindLabel: 'Employer talk',
      // One a week, newest last, so "Activity number N" is first in the PDF.
      date: new Date(Date.UTC(2024, 0, 1 + index * 7, 12)).toISOString(),
      benchmarks: [5],
    })),
    intendedDestination: { kindLabel: 'Apprenticeship' },
    ...overrides,
  };
}

describe('renderRecordPdf', () => {
  it('makes a real one-page PDF with the name, school, year, activities and destination', async () => {
    const bytes = await renderRecordPdf(buildRecordDocument(record(3), producedOn));
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe('Careers record: Maya Okafor');
    expect(String(pdf.catalog.get(PDFName.of('Lang')))).toBe('(en-GB)');
    const text = pdfText(bytes);
    for (const expected of ['Careers record: Maya Okafor', 'Northfield Academy', 'Year 10', 'Apprenticeship', 'Activity number 3', 'Page 1 of 1']) {
      expect(text).toContain(expected);
    }
  });

  it('runs on to more pages when the record is long, and numbers them', async () => {
    const bytes = await renderRecordPdf(buildRecordDocument(record(80), producedOn));
    const pdf = await PDFDocument.load(bytes);
    const pages = pdf.getPageCount();
    expect(pages).toBeGreaterThan(2);
    const text = pdfText(bytes);
    expect(text).toContain('Activity number 80');
    expect(text).toContain('Activity number 1\n');
    expect(text).toContain(`Page ${pages} of ${pages}`);
    // Each activity once: nothing lost or drawn twice at a page break.
    for (let number = 1; number <= 80; number += 1) expect(text.split('\n').filter((line) => line === `Activity number ${number}`)).toHaveLength(1);
  });

  it('does not fail on names the standard fonts cannot draw', async () => {
    const bytes = await renderRecordPdf(buildRecordDocument(record(1, { displayName: 'Łukasz Dăscălu 李' }), producedOn));
    expect(pdfText(bytes)).toContain('Lukasz Dascalu ?');
  });

  it('wraps a long title rather than running off the page', async () => {
    const long = 'A very long activity title that goes on and on about the visit to the regional engineering employers network showcase';
    const bytes = await renderRecordPdf(
      buildRecordDocument(record(0, { activities: [{ title: long, kindLabel: 'Workplace visit', date: '2026-01-01', benchmarks: [6] }] }), producedOn),
    );
    const lines = pdfText(bytes).split('\n');
    const start = lines.findIndex((line) => long.startsWith(line) && line.length > 10);
    expect(start).toBeGreaterThan(-1);
    expect(lines[start].length).toBeLessThan(long.length);
  });
});

describe('toDrawable', () => {
  const latin = new Set(Array.from({ length: 0x7f - 0x20 }, (_, index) => index + 0x20).concat([0xe9, 0xeb]));
  it('keeps what the font has, decomposes accents it lacks, and marks the rest', () => {
    expect(toDrawable('Zoë', latin)).toBe('Zoë');
    expect(toDrawable('Dăscălu', latin)).toBe('Dascalu');
    expect(toDrawable('Łódź', latin)).toBe('Lodz');
    expect(toDrawable('李', latin)).toBe('?');
    expect(toDrawable('two\nlines\tand tab', latin)).toBe('two lines and tab');
  });
});

describe('wrapText', () => {
  const measure = (text: string) => text.length;
  it('wraps at spaces within the width', () => {
    expect(wrapText('the quick brown fox jumps', 10, measure)).toEqual(['the quick', 'brown fox', 'jumps']);
  });
  it('splits a word longer than a line', () => {
    expect(wrapText('abcdefghijklmnop', 6, measure)).toEqual(['abcdef', 'ghijkl', 'mnop']);
  });
  it('gives one empty line for empty text', () => {
    expect(wrapText('', 10, measure)).toEqual(['']);
  });
});
