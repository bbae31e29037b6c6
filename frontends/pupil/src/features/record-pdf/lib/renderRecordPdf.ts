import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import type { PdfBlock, RecordDocument } from './recordDocument';

// A4 in points, with margins wide enough to print and to hole-punch.
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 56;
const FOOTER_SPACE = 36;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const LABEL_WIDTH = 140;

const TEXT = rgb(0.106, 0.122, 0.141);
const MUTED = rgb(0.29, 0.329, 0.38);
const RULE = rgb(0.773, 0.8, 0.839);

// Characters the standard fonts' WinAnsi encoding lacks and that do not decompose to a base letter.
const FALLBACKS: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ø: 'O',
  ø: 'o',
  ß: 'ss',
  Œ: 'OE',
  œ: 'oe',
  '‐': '-',
  '‑': '-',
  '−': '-',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
};

/**
 * Text the standard PDF fonts can draw: characters outside Windows-1252 are swapped for the nearest
 * plain letter (Ł → L, ă → a), else "?", rather than failing the whole download.
 */
export function toDrawable(text: string, supported: ReadonlySet<number>): string {
  let out = '';
  for (const char of text.normalize('NFC').replace(/[\t\r\n]+/g, ' ')) {
    if (supported.has(char.codePointAt(0)!)) {
      out += char;
      continue;
    }
    const decomposed = char.normalize('NFKD').replace(/\p{M}/gu, '');
    if (decomposed && Array.from(decomposed).every((part) => supported.has(part.codePointAt(0)!))) out += decomposed;
    else out += FALLBACKS[char] ?? '?';
  }
  return out;
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
    let rest = word;
    while (measure(rest) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && measure(rest.slice(0, cut)) > width) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

interface Style {
  font: PDFFont;
  size: number;
  color: ReturnType<typeof rgb>;
}

class Layout {
  private readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly clean: (text: string) => string,
  ) {
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
    return wrapText(this.clean(text), width, (line) => style.font.widthOfTextAtSize(line, style.size));
  }

  lineHeight(style: Style): number {
    return style.size * 1.4;
  }

  /** Draws wrapped lines at `x`, moving down; returns nothing, the cursor moves. */
  write(lines: readonly string[], style: Style, x = MARGIN): void {
    for (const line of lines) {
      this.ensure(this.lineHeight(style));
      this.y -= style.size;
      this.page.drawText(line, { x, y: this.y, size: style.size, font: style.font, color: style.color });
      this.y -= this.lineHeight(style) - style.size;
    }
  }

  rule(): void {
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: PAGE_WIDTH - MARGIN, y: this.y }, thickness: 0.75, color: RULE });
  }

  /** A label and its value side by side; the value wraps in its column. */
  field(label: string, value: string, labelStyle: Style, valueStyle: Style): void {
    const labelLines = this.lines(label, labelStyle, LABEL_WIDTH - 8);
    const valueLines = this.lines(value, valueStyle, CONTENT_WIDTH - LABEL_WIDTH);
    const rows = Math.max(labelLines.length, valueLines.length);
    this.ensure(rows * this.lineHeight(valueStyle));
    const top = this.y;
    this.write(labelLines, labelStyle);
    const afterLabel = this.y;
    this.y = top;
    this.write(valueLines, valueStyle, MARGIN + LABEL_WIDTH);
    this.y = Math.min(this.y, afterLabel);
  }
}

/** Lays the record out on A4 pages (as many as it needs) and returns the PDF file's bytes. */
export async function renderRecordPdf(doc: RecordDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const supported = new Set(regular.getCharacterSet());
  const clean = (text: string) => toDrawable(text, supported);

  pdf.setTitle(clean(doc.title), { showInWindowTitleBar: true });
  pdf.setSubject(clean(doc.subject));
  pdf.setAuthor(clean(doc.author));
  pdf.setCreator('Waymark');
  pdf.setProducer('Waymark');
  pdf.setLanguage('en-GB');
  pdf.setCreationDate(doc.producedOn);
  pdf.setModificationDate(doc.producedOn);

  const styles = {
    title: { font: bold, size: 20, color: TEXT },
    heading: { font: bold, size: 14, color: TEXT },
    body: { font: regular, size: 11, color: TEXT },
    label: { font: bold, size: 11, color: TEXT },
    itemTitle: { font: bold, size: 11.5, color: TEXT },
    itemLine: { font: regular, size: 10.5, color: MUTED },
    footer: { font: regular, size: 9, color: MUTED },
  } satisfies Record<string, Style>;

  const layout = new Layout(pdf, clean);
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
          layout.field(row.label, row.value, styles.label, styles.body);
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
    }
  };
  for (const block of doc.blocks) draw(block);

  const pages = layout.all;
  pages.forEach((page, index) => {
    const number = `Page ${index + 1} of ${pages.length}`;
    const numberWidth = regular.widthOfTextAtSize(number, styles.footer.size);
    const footer = wrapText(clean(doc.footer), CONTENT_WIDTH - numberWidth - 16, (text) => regular.widthOfTextAtSize(text, styles.footer.size))[0];
    page.drawText(footer, { x: MARGIN, y: MARGIN - 20, size: styles.footer.size, font: regular, color: MUTED });
    page.drawText(number, { x: PAGE_WIDTH - MARGIN - numberWidth, y: MARGIN - 20, size: styles.footer.size, font: regular, color: MUTED });
  });

  return pdf.save();
}
