import { describe, expect, it } from 'vitest';
import { bytesToBase64, bytesToBase64ViaBinaryString } from './base64';

function pseudoRandomBytes(length: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

describe.each([
  ['bytesToBase64', bytesToBase64],
  ['the binary-string fallback', bytesToBase64ViaBinaryString],
])('%s', (_name, encode) => {
  it.each([0, 1, 2, 3, 4, 5])('pads %d bytes correctly', (length) => {
    const bytes = pseudoRandomBytes(length);
    expect(encode(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('keeps every byte value, including a BOM and Windows-1252 characters', () => {
    const all = Uint8Array.from({ length: 256 }, (_, index) => index);
    expect(encode(all)).toBe(Buffer.from(all).toString('base64'));
    const bomCsv = Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('UPN,Surname\r\n"A1","Zoë"\r\n'), 0x92, 0xe9]);
    expect(Buffer.from(encode(bomCsv), 'base64')).toEqual(Buffer.from(bomCsv));
  });

  it('encodes a multi-megabyte file (more than one chunk, no argument limit)', () => {
    const bytes = pseudoRandomBytes(3 * 1024 * 1024 + 1);
    expect(encode(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('encodes a view into a larger buffer without the bytes around it', () => {
    const backing = pseudoRandomBytes(100);
    const view = backing.subarray(10, 20);
    expect(encode(view)).toBe(Buffer.from(view).toString('base64'));
  });
});

describe('bytesToBase64 in browsers with Uint8Array.prototype.toBase64', () => {
  it('uses the built-in encoder', () => {
    const bytes = Object.assign(new Uint8Array([1, 2, 3]), { toBase64: () => 'built-in' });
    expect(bytesToBase64(bytes)).toBe('built-in');
  });
});
