import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { PdfBlock, PdfDocument } from './document.js';
import { bidiLevels, filesForText, linePieces, visualText } from './fonts.js';
import { renderPdf, wrapText } from './renderPdf.js';
import { nodeFontLoader } from './testing/nodeFonts.js';
import { logicalOrder, pdfText } from './testing/pdfText.js';

const producedOn = new Date('2026-11-23T10:00:00.000Z');

function doc(name: string, blocks: PdfBlock[] = []): PdfDocument {
  return {
    title: `A document about ${name}`,
    subject: 'For the tests',
    author: 'Waymark',
    footer: `Made for ${name}`,
    producedOn,
    blocks: [{ kind: 'title', text: `A document about ${name}` }, { kind: 'fields', rows: [{ label: 'Name', value: name }] }, ...blocks],
  };
}

describe('renderPdf', () => {
  it('makes a real PDF with its title, language and every block drawn', async () => {
    const bytes = await renderPdf(
      doc('Northfield Academy', [
        { kind: 'heading', text: 'A heading' },
        { kind: 'paragraph', text: 'A paragraph of text.' },
        { kind: 'item', title: 'An item', lines: ['Its first line'] },
        {
          kind: 'table',
          caption: 'A table',
          columns: [
            { header: 'Row', width: 0.5 },
            { header: 'Figure', width: 0.5 },
          ],
          rows: [['First row', '42']],
        },
      ]),
      nodeFontLoader(),
    );
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toBe('A document about Northfield Academy');
    expect(String(pdf.catalog.get(PDFName.of('Lang')))).toBe('(en-GB)');
    // Text drawn at one height reads as one line: a table's cells, the footer and the page number.
    const lines = pdfText(bytes).split('\n');
    for (const expected of [
      'A document about Northfield Academy',
      'A heading',
      'A paragraph of text.',
      'An item',
      'Its first line',
      'RowFigure',
      'First row42',
    ]) {
      expect(lines).toContain(expected);
    }
    expect(lines).toContain('Made for Northfield AcademyPage 1 of 1');
  });

  it('draws a bar chart: the key, each row and each bar with its figure, a bar as long as its value', async () => {
    const bytes = await renderPdf(
      doc('Charts', [
        {
          kind: 'bars',
          caption: 'Scores',
          max: 100,
          series: ['Last year', 'Now'],
          rows: [
            { label: 'Benchmark 1', values: [25, 100], texts: ['25%', '100%'] },
            { label: 'Benchmark 2', values: [null, 50], texts: ['none', '50%'] },
          ],
        },
      ]),
      nodeFontLoader(),
    );
    const lines = pdfText(bytes).split('\n');
    for (const expected of ['Last yearNow', 'Benchmark 1', '25%', '100%', 'Benchmark 2', 'none', '50%']) expect(lines).toContain(expected);
    // Three bars (the null draws none) besides the key's small squares, their widths in proportion.
    const raw = Buffer.from(bytes).toString('latin1');
    const streams = [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((match) => {
      try {
        return inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1');
      } catch {
        return match[1];
      }
    });
    // pdf-lib draws a rectangle as a path from 0 0: up its height, across its width, down, closed.
    const rects = streams.flatMap((stream) => [...stream.matchAll(/0 0 m\s+0 [\d.]+ l\s+([\d.]+) [\d.]+ l/g)].map((match) => Number(match[1])));
    const bars = rects.filter((width) => width > 20);
    expect(bars).toHaveLength(3);
    const [quarter, full, half] = bars;
    expect(full / quarter).toBeCloseTo(4, 5);
    expect(full / half).toBeCloseTo(2, 5);
  });

  it.each([
    ['Polish', 'Zażółć Gęślą', ['noto-sans-latin-400', 'noto-sans-latin-ext-400', 'noto-sans-latin-ext-700']],
    ['Arabic', 'محمد علي', ['noto-sans-arabic-arabic-400', 'noto-sans-arabic-arabic-700']],
    ['Chinese', '李华', ['noto-sans-sc-']],
    ['Vietnamese, Greek and Cyrillic', 'Nguyễn Ελένη Олена', ['noto-sans-vietnamese-400', 'noto-sans-greek-400', 'noto-sans-cyrillic-400']],
  ])('prints a %s name as written (%s), loading only the font files it needs', async (_script, name, files) => {
    const load = nodeFontLoader();
    const lines = pdfText(await renderPdf(doc(name), load))
      .split('\n')
      .map(logicalOrder);
    expect(lines).toContain(`A document about ${name}`);
    expect(lines.some((line) => line.startsWith(`Made for ${name}`))).toBe(true);
    expect(lines.join('\n')).not.toContain('?');
    for (const file of files) expect(load.asked.some((path) => path.includes(file))).toBe(true);
    if (!name.match(/\p{Script=Han}/u)) expect(load.asked.some((path) => path.includes('noto-sans-sc'))).toBe(false);
    if (!name.match(/\p{Script=Arabic}/u)) expect(load.asked.some((path) => path.includes('noto-sans-arabic'))).toBe(false);
  });

  it('draws Arabic joined and right to left: contextual letter forms, in the order they are read', async () => {
    const name = 'محمد علي';
    const drawn = pdfText(await renderPdf(doc(name), nodeFontLoader()))
      .split('\n')
      .find((line) => line.startsWith('A document about '))!;
    expect(drawn).toBe(`A document about ${Array.from(name).reverse().join('')}`);

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
    expect(pdfText(await renderPdf(doc('Maya \u{1F600} Okafor'), nodeFontLoader()))).toContain('A document about Maya ? Okafor');
  });
});

describe('fonts and direction', () => {
  it('loads Latin alone for English text', () => {
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
