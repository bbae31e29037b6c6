import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { bidiLevels, filesForText, linePieces, visualText } from './fonts';
import { nodeFontLoader } from './nodeFonts.testing';
import { logicalOrder, pdfText } from './pdfText.testing';
import { buildRecordDocument, type RecordForPdf } from './recordDocument';
import { renderRecordPdf, wrapText } from './renderRecordPdf';

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

const render = (data: RecordForPdf, load = nodeFontLoader()) => renderRecordPdf(buildRecordDocument(data, producedOn), load);

describe('renderRecordPdf', () => {
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

  it('draws Arabic joined and right to left: contextual letter forms, in the order they are read', async () => {
    const name = 'محمد علي';
    const bytes = await render(record(0, { displayName: name }));
    // As drawn, left to right: the second word first, each word's letters from its last to its first.
    const drawn = pdfText(bytes)
      .split('\n')
      .find((line) => line.startsWith('Careers record: '))!;
    expect(drawn).toBe(`Careers record: ${Array.from(name).reverse().join('')}`);

    // The glyphs are the joined forms (initial, medial, final), not the letters' isolated forms.
    const require = createRequire(import.meta.url);
    const font = fontkit.create(readFileSync(require.resolve('@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff')));
    const shaped = font.layout('محمد').glyphs.map((glyph) => glyph.id);
    const isolated = Array.from('محمد')
      .reverse()
      .map((char) => font.glyphForCodePoint(char.codePointAt(0)!).id);
    expect(shaped).toHaveLength(4);
    expect(shaped.filter((id, index) => id !== isolated[index]).length).toBeGreaterThanOrEqual(3);
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

describe('fonts and direction', () => {
  it('loads Latin alone for an English record', () => {
    expect(filesForText(['Maya Okafor, Year 10'], 400).map((file) => file.path)).toEqual(['@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff']);
  });

  it('gives Arabic letters and the spaces between them the right-to-left level, digits inside them level 2', () => {
    expect(bidiLevels(Array.from('Ali علي حسن 12'))).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0]);
    expect(bidiLevels(Array.from('ب 12 ب'))).toEqual([1, 1, 2, 2, 1, 1]);
  });

  it('puts right-to-left words in display order and leaves their shaping to the font', () => {
    const pieces = linePieces('Name: علي حسن.', (char) => (/[\u0600-\u06FF]/.test(char) ? 'arabic' : 'latin'));
    expect(pieces.map((piece) => [piece.text, piece.font, piece.rtl])).toEqual([
      ['Name: ', 'latin', false],
      ['حسن', 'arabic', true],
      [' ', 'latin', true],
      ['علي', 'arabic', true],
      ['.', 'latin', false],
    ]);
    expect(visualText({ text: '(x', font: null, rtl: true })).toBe('x)');
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
