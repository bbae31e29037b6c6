import { inflateSync } from 'node:zlib';

/**
 * The text drawn in a PDF that pdf-lib wrote: Flate streams inflated, then the hex strings of the
 * text operators decoded (standard fonts are written as WinAnsi hex). One line per drawn line.
 */
export function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  const lines: string[] = [];
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (let match = streams.exec(raw); match; match = streams.exec(raw)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1');
    } catch {
      content = match[1];
    }
    for (const text of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) lines.push(Buffer.from(text[1], 'hex').toString('latin1'));
  }
  return lines.join('\n');
}
