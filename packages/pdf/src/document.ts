/*
 * What a PDF holds, as plain blocks of text (and figures for a chart), kept apart from the drawing so a
 * portal can build and test a document's content without a PDF library. renderPdf lays the blocks out
 * on A4 pages in order.
 */

export type PdfBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; rows: { label: string; value: string }[] }
  /** Kept on one page: an item's title and the lines about it. */
  | { kind: 'item'; title: string; lines: string[] }
  /** The first cell of each row names the row; widths are shares of the page's width. */
  | { kind: 'table'; caption: string; columns: { header: string; width: number }[]; rows: string[][] }
  /**
   * A horizontal bar chart: for each row, one bar per series (shades of grey with a key, so it prints in
   * black and white), its figure written at the bar's end. `values` run from 0 to `max`; null draws no
   * bar and writes the row's text (e.g. "none") instead.
   */
  | { kind: 'bars'; caption: string; max: number; series: string[]; rows: { label: string; values: (number | null)[]; texts: string[] }[] };

export interface PdfDocument {
  title: string;
  subject: string;
  author: string;
  /** Printed at the foot of every page, before "Page n of m". */
  footer: string;
  producedOn: Date;
  blocks: PdfBlock[];
}
