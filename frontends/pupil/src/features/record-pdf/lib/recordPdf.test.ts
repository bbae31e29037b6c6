import { renderPdf } from '@waymark/pdf';
import { logicalOrder, nodeFontLoader, pdfText } from '@waymark/pdf/testing';
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildRecordDocument, type RecordForPdf } from './recordDocument';

// The drawing itself (fonts, right-to-left text, wrapping) is tested in packages/pdf; these are the record's own.

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

const render = (data: RecordForPdf, load = nodeFontLoader()) => renderPdf(buildRecordDocument(data, producedOn), load);

describe('the record as a PDF', () => {
  it('makes a real one-page PDF with the name, school, year, activities and destination', async () => {
    const bytes = await render(record(3));
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
    const bytes = await render(record(80));
    const pdf = await PDFDocument.load(bytes);
    const pages = pdf.getPageCount();
    expect(pages).toBeGreaterThan(2);
    const text = pdfText(bytes);
    expect(text).toContain('Activity number 80');
    expect(text).toContain(`Page ${pages} of ${pages}`);
    // Each activity once: nothing lost or drawn twice at a page break.
    for (let number = 1; number <= 80; number += 1) expect(text.split('\n').filter((line) => line === `Activity number ${number}`)).toHaveLength(1);
  });

  it.each([
    ['Polish', 'Zażółć Gęślą', ['noto-sans-latin-400', 'noto-sans-latin-ext-400', 'noto-sans-latin-ext-700']],
    ['Arabic', 'محمد علي', ['noto-sans-arabic-arabic-400', 'noto-sans-arabic-arabic-700']],
    ['Chinese', '李华', ['noto-sans-sc-']],
    ['Vietnamese, Greek and Cyrillic', 'Nguyễn Ελένη Олена', ['noto-sans-vietnamese-400', 'noto-sans-greek-400', 'noto-sans-cyrillic-400']],
  ])('prints a %s name as written (%s), loading only the font files it needs', async (_script, name, files) => {
    const load = nodeFontLoader();
    const bytes = await render(record(1, { displayName: name }), load);
    const lines = pdfText(bytes).split('\n').map(logicalOrder);
    expect(lines).toContain(`Careers record: ${name}`);
    expect(lines.some((line) => line.startsWith(`Careers record for ${name}, produced by Waymark`))).toBe(true);
    expect(lines.filter((line) => line.includes(name)).length).toBeGreaterThanOrEqual(3);
    expect(lines.join('\n')).not.toContain('?');
    for (const file of files) expect(load.asked.some((path) => path.includes(file))).toBe(true);
    // Nothing from scripts the record does not use.
    if (!name.match(/\p{Script=Han}/u)) expect(load.asked.some((path) => path.includes('noto-sans-sc'))).toBe(false);
    if (!name.match(/\p{Script=Arabic}/u)) expect(load.asked.some((path) => path.includes('noto-sans-arabic'))).toBe(false);
  });

  it('still makes the PDF when no font has a character, showing "?" for it', async () => {
    const bytes = await render(record(1, { displayName: 'Maya \u{1F600} Okafor' }));
    expect(pdfText(bytes)).toContain('Careers record: Maya ? Okafor');
  });

  it('wraps a long title rather than running off the page', async () => {
    const long = 'A very long activity title that goes on and on about the visit to the regional engineering employers network showcase';
    const bytes = await render(record(0, { activities: [{ title: long, kindLabel: 'Workplace visit', date: '2026-01-01', benchmarks: [6] }] }));
    const lines = pdfText(bytes).split('\n');
    const start = lines.findIndex((line) => long.startsWith(line) && line.length > 10);
    expect(start).toBeGreaterThan(-1);
    expect(lines[start].length).toBeLessThan(long.length);
  });
});
