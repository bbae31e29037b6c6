export type { PdfBlock, PdfDocument } from './document.js';
export { browserFontLoader, type FontLoader } from './fontLoader.js';
export { renderPdf, wrapText } from './renderPdf.js';
