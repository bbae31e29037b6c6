export { nodeFontLoader } from './testing/nodeFonts.js';
export { logicalOrder, pdfText } from './testing/pdfText.js';
