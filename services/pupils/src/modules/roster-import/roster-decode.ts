/**
 * Bytes of an MIS export → text. Exports arrive as UTF-8 (with or without a byte-order mark),
 * UTF-16 from "Unicode text" saves, or Windows-1252 from older tools and Excel's plain "CSV" save.
 * Anything that is not valid UTF-8 is read as Windows-1252, which maps every byte to a character,
 * so decoding never fails.
 */
export type RosterEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Windows-1252 bytes 0x80–0x9F; the rest of the code page is Latin-1. Unassigned bytes keep their C1 code point, as browsers do. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i += 1) {
      const byte = bytes[i];
      codes.push(byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : byte);
    }
    text += String.fromCharCode(...codes);
  }
  return text;
}

export function decodeRosterBytes(bytes: Uint8Array): { text: string; encoding: RosterEncoding } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = new Uint8Array(bytes.length - 2 - ((bytes.length - 2) % 2));
    for (let i = 0; i < swapped.length; i += 2) {
      swapped[i] = bytes[i + 3];
      swapped[i + 1] = bytes[i + 2];
    }
    return { text: new TextDecoder('utf-16le').decode(swapped), encoding: 'utf-16be' };
  }
  try {
    // `fatal` makes invalid sequences throw instead of becoming U+FFFD; the BOM, if any, is dropped.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}
