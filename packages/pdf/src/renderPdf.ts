import fontkit from '@pdf-lib/fontkit';
import {
  beginText,
  endText,
  PDFDocument,
  PDFHexString,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingColor,
  setFontAndSize,
  setTextMatrix,
  setTextRise,
  showText,
  type PDFFont,
  type PDFName,
  type PDFPage,
} from 'pdf-lib';
import type { PdfBlock, PdfDocument } from './document.js';
import type { FontLoader } from './fontLoader.js';
import { filesForText, linePieces, visualText, type Weight } from './fonts.js';

// A4 in points, with margins wide enough to print and to hole-punch.
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 56;
const FOOTER_SPACE = 36;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const LABEL_WIDTH = 160;
const CELL_GAP = 8;

const TEXT = rgb(0.106, 0.122, 0.141);
const MUTED = rgb(0.29, 0.329, 0.38);
const RULE = rgb(0.773, 0.8, 0.839);
// A bar chart's series, dark to light: they stay apart when printed in black and white.
const SHADES = [rgb(0.106, 0.122, 0.141), rgb(0.42, 0.45, 0.5), rgb(0.7, 0.73, 0.77), rgb(0.85, 0.87, 0.9)];
const BAR_HEIGHT = 8;
const BAR_GAP = 3;

/** Text on one line: no tabs or line breaks, composed characters (so "ż" is one character, as fonts map it). */
function oneLine(text: string): string {
  return text.normalize('NFC').replace(/[\t\r\n]+/g, ' ');
}

/** Greedy word wrap to `width`; a word longer than a line is split where it must be. */
export function wrapText(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = Array.from(word);
    while (measure(rest.join('')) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && measure(rest.slice(0, cut).join('')) > width) cut -= 1;
      lines.push(rest.slice(0, cut).join(''));
      rest = rest.slice(cut);
    }
    line = rest.join('');
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** A font as embedded in the PDF, and the same font file opened by fontkit to lay text out. */
interface EmbeddedFont {
  font: PDFFont;
  shaper: ReturnType<typeof fontkit.create>;
  chars: ReadonlySet<number>;
}

/** The embedded fonts of one weight, in the catalogue's order, each with the characters it has. */
class Typeface {
  private readonly keys = new Map<PDFPage, Map<PDFFont, PDFName>>();

  constructor(private readonly fonts: readonly EmbeddedFont[]) {}

  private fontFor(char: string): EmbeddedFont | null {
    const codePoint = char.codePointAt(0)!;
    return this.fonts.find((entry) => entry.chars.has(codePoint)) ?? null;
  }

  /**
   * What can be drawn of the text: each character some font has; else its letter without accents
   * (if a font has that); else "?", so one unexpected character never stops the download.
   */
  drawable(text: string): string {
    let out = '';
    for (const char of oneLine(text)) {
      if (this.fontFor(char)) {
        out += char;
        continue;
      }
      const plain = char.normalize('NFKD').replace(/\p{M}/gu, '');
      out += plain && Array.from(plain).every((part) => this.fontFor(part)) ? plain : '?';
    }
    return out;
  }

  /** The line in pieces, left to right, each shaped by its font: glyph positions as the font's layout tables place them. */
  private shaped(text: string, size: number) {
    const fallback = this.fonts[0];
    return linePieces(text, (char) => this.fontFor(char) ?? fallback).map((piece) => {
      const shown = visualText(piece);
      const scale = size / piece.font.shaper.unitsPerEm;
      const run = piece.font.shaper.layout(shown);
      const width = run.positions.reduce((sum, position) => sum + position.xAdvance * scale, 0);
      return { ...piece, shown, run, scale, width };
    });
  }

  width(text: string, size: number): number {
    return this.shaped(text, size).reduce((sum, piece) => sum + piece.width, 0);
  }

  private key(page: PDFPage, font: PDFFont): PDFName {
    const forPage = this.keys.get(page) ?? new Map<PDFFont, PDFName>();
    this.keys.set(page, forPage);
    const known = forPage.get(font);
    if (known) return known;
    const key = page.node.newFontDictionary(font.name, font.ref);
    forPage.set(font, key);
    return key;
  }

  /**
   * Draws the line glyph by glyph at the positions the font's layout gives (pdf-lib's drawText would use
   * plain advance widths, which leaves Arabic dots and marks out of place and drops kerning). The glyph
   * ids come from pdf-lib's own encoding of the same text, so they are the embedded subset's.
   */
  draw(page: PDFPage, text: string, options: { x: number; y: number; size: number; color: ReturnType<typeof rgb> }): void {
    let x = options.x;
    for (const piece of this.shaped(text, options.size)) {
      const ids = piece.font.font.encodeText(piece.shown).asString().match(/.{4}/g) ?? [];
      if (ids.length !== piece.run.glyphs.length) {
        page.drawText(piece.shown, { ...options, x, font: piece.font.font });
      } else {
        const operators = [pushGraphicsState(), beginText(), setFillingColor(options.color), setFontAndSize(this.key(page, piece.font.font), options.size)];
        let pen = x;
        piece.run.positions.forEach((position, index) => {
          operators.push(
            setTextRise(position.yOffset * piece.scale),
            setTextMatrix(1, 0, 0, 1, pen + position.xOffset * piece.scale, options.y),
            showText(PDFHexString.of(ids[index])),
          );
          pen += position.xAdvance * piece.scale;
        });
        operators.push(endText(), popGraphicsState());
        page.pushOperators(...operators);
      }
      x += piece.width;
    }
  }
}

interface Style {
  face: Typeface;
  size: number;
  color: ReturnType<typeof rgb>;
}

class Layout {
  private readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;

  constructor(private readonly pdf: PDFDocument) {
    this.newPage();
  }

  get all(): readonly PDFPage[] {
    return this.pages;
  }

  newPage(): void {
    this.page = this.pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(this.page);
    this.y = PAGE_HEIGHT - MARGIN;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y - height < MARGIN + FOOTER_SPACE && this.y < PAGE_HEIGHT - MARGIN) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  lines(text: string, style: Style, width = CONTENT_WIDTH): string[] {
    return wrapText(style.face.drawable(text), width, (line) => style.face.width(line, style.size));
  }

  lineHeight(style: Style): number {
    return style.size * 1.4;
  }

  /** Draws wrapped lines at `x`, moving down. */
  write(lines: readonly string[], style: Style, x = MARGIN): void {
    for (const line of lines) {
      this.ensure(this.lineHeight(style));
      this.y -= style.size;
      style.face.draw(this.page, line, { x, y: this.y, size: style.size, color: style.color });
      this.y -= this.lineHeight(style) - style.size;
    }
  }

  /** Where the next line's top is, and the page it is on: for drawing that is not text (a chart's bars). */
  get at(): { page: PDFPage; y: number } {
    return { page: this.page, y: this.y };
  }

  rule(): void {
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: PAGE_WIDTH - MARGIN, y: this.y }, thickness: 0.75, color: RULE });
  }

  /** Cells side by side, each wrapping in its own column, kept together on one page. */
  row(cells: readonly { text: string; style: Style; width: number }[]): void {
    const wrapped = cells.map((cell) => ({ ...cell, lines: this.lines(cell.text, cell.style, cell.width - CELL_GAP) }));
    const height = Math.max(...wrapped.map((cell) => cell.lines.length * this.lineHeight(cell.style)));
    this.ensure(height);
    const top = this.y;
    let lowest = top;
    let x = MARGIN;
    for (const cell of wrapped) {
      this.y = top;
      this.write(cell.lines, cell.style, x);
      lowest = Math.min(lowest, this.y);
      x += cell.width;
    }
    this.y = lowest;
  }
}

/** Embeds the font files the text needs, of one weight, and returns them as one typeface. */
async function typeface(pdf: PDFDocument, texts: readonly string[], weight: Weight, load: FontLoader): Promise<Typeface> {
  const files = filesForText(texts, weight);
  const fonts = await Promise.all(
    files.map(async (file) => {
      const bytes = await load(file.path);
      const font = await pdf.embedFont(bytes, { subset: true });
      return { font, shaper: fontkit.create(bytes), chars: new Set(font.getCharacterSet()) };
    }),
  );
  return new Typeface(fonts);
}

/** Every text drawn in bold, and every text drawn in the regular weight. */
function textsByWeight(doc: PdfDocument, pageLabels: readonly string[]): Record<Weight, string[]> {
  const bold: string[] = [];
  const regular: string[] = [doc.footer, ...pageLabels];
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'title':
      case 'heading':
        bold.push(block.text);
        break;
      case 'paragraph':
        regular.push(block.text);
        break;
      case 'fields':
        for (const row of block.rows) {
          bold.push(row.label);
          regular.push(row.value);
        }
        break;
      case 'item':
        bold.push(block.title);
        regular.push(...block.lines);
        break;
      case 'table':
        bold.push(...block.columns.map((column) => column.header));
        for (const row of block.rows) {
          bold.push(row[0]);
          regular.push(...row.slice(1));
        }
        break;
      case 'bars':
        regular.push(...block.series);
        for (const row of block.rows) {
          bold.push(row.label);
          regular.push(...row.texts);
        }
        break;
    }
  }
  return { 400: regular.map(oneLine), 700: bold.map(oneLine) };
}

/**
 * Lays the document out on A4 pages (as many as it needs) and returns the PDF file's bytes. The fonts are
 * embedded (only the characters used), so every name prints as written; `load` fetches the font files.
 */
export async function renderPdf(doc: PdfDocument, load: FontLoader): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  // Enough page labels to cover the digits any page count uses.
  const texts = textsByWeight(doc, ['Page 0123456789 of']);
  const [regular, bold] = await Promise.all([typeface(pdf, texts[400], 400, load), typeface(pdf, texts[700], 700, load)]);

  pdf.setTitle(doc.title, { showInWindowTitleBar: true });
  pdf.setSubject(doc.subject);
  pdf.setAuthor(doc.author);
  pdf.setCreator('Waymark');
  pdf.setProducer('Waymark');
  pdf.setLanguage('en-GB');
  pdf.setCreationDate(doc.producedOn);
  pdf.setModificationDate(doc.producedOn);

  const styles = {
    title: { face: bold, size: 20, color: TEXT },
    heading: { face: bold, size: 14, color: TEXT },
    body: { face: regular, size: 11, color: TEXT },
    label: { face: bold, size: 11, color: TEXT },
    itemTitle: { face: bold, size: 11.5, color: TEXT },
    itemLine: { face: regular, size: 10.5, color: MUTED },
    cellHead: { face: bold, size: 10, color: TEXT },
    cell: { face: regular, size: 10, color: TEXT },
    footer: { face: regular, size: 9, color: MUTED },
    barText: { face: regular, size: 8, color: TEXT },
  } satisfies Record<string, Style>;

  const layout = new Layout(pdf);
  const draw = (block: PdfBlock) => {
    switch (block.kind) {
      case 'title':
        layout.write(layout.lines(block.text, styles.title), styles.title);
        layout.gap(10);
        break;
      case 'heading': {
        // Never leave a heading alone at the foot of a page.
        layout.gap(14);
        layout.ensure(layout.lineHeight(styles.heading) + 3 * layout.lineHeight(styles.body));
        layout.write(layout.lines(block.text, styles.heading), styles.heading);
        layout.gap(2);
        layout.rule();
        layout.gap(8);
        break;
      }
      case 'paragraph':
        layout.write(layout.lines(block.text, styles.body), styles.body);
        layout.gap(6);
        break;
      case 'fields':
        for (const row of block.rows) {
          layout.row([
            { text: row.label, style: styles.label, width: LABEL_WIDTH },
            { text: row.value, style: styles.body, width: CONTENT_WIDTH - LABEL_WIDTH },
          ]);
          layout.gap(2);
        }
        break;
      case 'item': {
        const title = layout.lines(block.title, styles.itemTitle);
        const lines = block.lines.flatMap((line) => layout.lines(line, styles.itemLine));
        layout.ensure(title.length * layout.lineHeight(styles.itemTitle) + lines.length * layout.lineHeight(styles.itemLine));
        layout.write(title, styles.itemTitle);
        layout.write(lines, styles.itemLine);
        layout.gap(8);
        break;
      }
      case 'table': {
        const widths = block.columns.map((column) => column.width * CONTENT_WIDTH);
        layout.row(block.columns.map((column, index) => ({ text: column.header, style: styles.cellHead, width: widths[index] })));
        layout.gap(2);
        layout.rule();
        layout.gap(4);
        for (const row of block.rows) {
          layout.row(row.map((text, index) => ({ text, style: index === 0 ? styles.cellHead : styles.cell, width: widths[index] })));
          layout.gap(4);
        }
        layout.gap(4);
        break;
      }
      case 'bars':
        drawBars(layout, block, styles);
        break;
    }
  };
  for (const block of doc.blocks) draw(block);

  const pages = layout.all;
  const footerStyle = styles.footer;
  pages.forEach((page, index) => {
    const number = `Page ${index + 1} of ${pages.length}`;
    const numberWidth = regular.width(number, footerStyle.size);
    const footer = wrapText(regular.drawable(doc.footer), CONTENT_WIDTH - numberWidth - 16, (text) => regular.width(text, footerStyle.size))[0];
    regular.draw(page, footer, { x: MARGIN, y: MARGIN - 20, size: footerStyle.size, color: MUTED });
    regular.draw(page, number, { x: PAGE_WIDTH - MARGIN - numberWidth, y: MARGIN - 20, size: footerStyle.size, color: MUTED });
  });

  // Plain objects rather than object streams: a little larger, and readable by simple tools (and tests).
  return pdf.save({ useObjectStreams: false });
}

/**
 * A horizontal bar chart: a key of the series, then each row's label beside its bars (one per series,
 * dark to light), each bar's figure written just past its end. A row is kept on one page.
 */
function drawBars(layout: Layout, block: Extract<PdfBlock, { kind: 'bars' }>, styles: Record<'label' | 'barText', Style>): void {
  const labelWidth = LABEL_WIDTH;
  // Room after the longest bar for its figure.
  const figureRoom = 40;
  const barWidth = CONTENT_WIDTH - labelWidth - figureRoom;
  const shade = (index: number) => SHADES[Math.min(index, SHADES.length - 1)];
  const text = styles.barText;

  // The key: a square of each shade and the series' name.
  layout.ensure(layout.lineHeight(text) * 2);
  let x = MARGIN + labelWidth;
  const keyTop = layout.at.y;
  block.series.forEach((name, index) => {
    const { page } = layout.at;
    const shown = text.face.drawable(name);
    page.drawRectangle({ x, y: keyTop - text.size, width: text.size, height: text.size, color: shade(index), borderColor: TEXT, borderWidth: 0.5 });
    text.face.draw(page, shown, { x: x + text.size + 4, y: keyTop - text.size + 1, size: text.size, color: text.color });
    x += text.size + 4 + text.face.width(shown, text.size) + 14;
  });
  layout.gap(layout.lineHeight(text) + 6);

  const barsHeight = block.series.length * (BAR_HEIGHT + BAR_GAP);
  for (const row of block.rows) {
    const labelLines = layout.lines(row.label, styles.label, labelWidth - CELL_GAP);
    const height = Math.max(labelLines.length * layout.lineHeight(styles.label), barsHeight) + 6;
    layout.ensure(height);
    const top = layout.at.y;
    layout.write(labelLines, styles.label);
    const { page } = layout.at;
    row.values.forEach((value, index) => {
      const y = top - (index + 1) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP;
      const width = value == null || block.max <= 0 ? 0 : Math.max(0, Math.min(1, value / block.max)) * barWidth;
      if (width > 0) page.drawRectangle({ x: MARGIN + labelWidth, y, width, height: BAR_HEIGHT, color: shade(index), borderColor: TEXT, borderWidth: 0.5 });
      const figure = text.face.drawable(row.texts[index] ?? '');
      text.face.draw(page, figure, { x: MARGIN + labelWidth + width + 4, y: y + 1, size: text.size, color: text.color });
    });
    layout.gap(top - layout.at.y >= height ? 0 : height - (top - layout.at.y));
  }
  layout.gap(6);
}
