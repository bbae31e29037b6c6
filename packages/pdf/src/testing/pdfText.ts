import { inflateSync } from 'node:zlib';

/*
 * The text a pdf-lib file draws, for tests (the portals' and the browser tests import it as
 * `@waymark/pdf/testing`). Works on files saved without object streams (as renderPdf saves them): every
 * object read, Flate streams inflated, each font's ToUnicode map read, then the content streams walked: `Tf` picks the font, `Tm` the line, `Tj` shows text (hex glyph ids for an embedded
 * font, mapped back to characters; WinAnsi bytes for a standard font). Text shown at the same height one
 * after another is one line, so a line drawn in several fonts reads as one.
 */

interface PdfObject {
  dict: string;
  stream: string | null;
}

function readObjects(bytes: Uint8Array): Map<string, PdfObject> {
  const raw = Buffer.from(bytes).toString('latin1');
  const objects = new Map<string, PdfObject>();
  for (const match of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2];
    const streamAt = body.search(/stream\r?\n/);
    if (streamAt === -1) {
      objects.set(match[1], { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const start = body.indexOf('\n', streamAt) + 1;
    // The stream's own /Length where it is written out: compressed data may itself end in a carriage return.
    const length = dict.match(/\/Length (\d+)\s/);
    const data = length ? body.slice(start, start + Number(length[1])) : body.slice(start).replace(/\r?\nendstream\s*$/, '');
    let stream = data;
    if (/\/FlateDecode/.test(dict)) {
      try {
        stream = inflateSync(Buffer.from(data, 'latin1')).toString('latin1');
      } catch {
        stream = data;
      }
    }
    objects.set(match[1], { dict, stream });
  }
  return objects;
}

/** A ToUnicode CMap as glyph code → text. */
function readCmap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const entry of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(Number.parseInt(entry[1], 16), utf16(entry[2]));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const entry of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const [low, high, first] = [entry[1], entry[2], entry[3]].map((hex) => Number.parseInt(hex, 16));
      for (let code = low; code <= high; code += 1) map.set(code, String.fromCodePoint(first + code - low));
    }
  }
  return map;
}

/** The drawn lines, in the order drawn; each glyph as the character(s) it stands for, left to right as on the page. */
export function pdfText(bytes: Uint8Array): string {
  const objects = readObjects(bytes);
  const cmaps = new Map<string, Map<number, string>>();
  for (const object of objects.values()) {
    for (const fonts of object.dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
      for (const entry of fonts[1].matchAll(/\/([^\s/<>]+)\s+(\d+) 0 R/g)) {
        const toUnicode = objects.get(entry[2])?.dict.match(/\/ToUnicode\s+(\d+) 0 R/);
        const stream = toUnicode ? objects.get(toUnicode[1])?.stream : null;
        if (stream) cmaps.set(entry[1], readCmap(stream));
      }
    }
  }

  const lines: string[] = [];
  for (const object of objects.values()) {
    if (!object.stream || !/\bTj\b/.test(object.stream) || /begincmap/.test(object.stream)) continue;
    let font: string | null = null;
    let y: string | null = null;
    let lineY: string | null = null;
    for (const op of object.stream.matchAll(/\/([^\s/]+)\s+[\d.]+\s+Tf|(-?[\d.]+)\s+Tm|<([0-9A-Fa-f]*)>\s*Tj|\bET\b/g)) {
      if (op[1] !== undefined) font = op[1];
      else if (op[2] !== undefined) y = op[2];
      else if (op[3] !== undefined) {
        const cmap = font ? cmaps.get(font) : undefined;
        const shown = cmap
          ? (op[3].match(/.{4}/g) ?? []).map((code) => cmap.get(Number.parseInt(code, 16)) ?? '').join('')
          : Buffer.from(op[3], 'hex').toString('latin1');
        if (lines.length && y !== null && y === lineY) lines[lines.length - 1] += shown;
        else lines.push(shown);
        lineY = y;
      }
    }
  }
  return lines.join('\n');
}

/**
 * A line as a reader would copy it: right-to-left runs (Arabic or Hebrew letters, with the spaces between
 * them) turned back into the order they are written in, as PDF readers do when text is selected.
 */
export function logicalOrder(line: string): string {
  return line.replace(/[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]+(?:\s+[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]+)*/g, (run) =>
    Array.from(run).reverse().join(''),
  );
}
