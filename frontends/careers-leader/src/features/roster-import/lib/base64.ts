const CHUNK = 0x8000;

/**
 * The bytes as standard base64 (with padding), for `RosterImportInput.fileBase64`. The bytes are
 * sent as they are, so the server sees the export's real encoding (UTF-8 with or without a BOM, or
 * Windows-1252) rather than whatever the browser would have decoded it as.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  return typeof native === 'function' ? native.call(bytes) : bytesToBase64ViaBinaryString(bytes);
}

/** Where `Uint8Array.prototype.toBase64` is missing: `btoa` over a binary string built in chunks (no argument-count limit). */
export function bytesToBase64ViaBinaryString(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(start, start + CHUNK) as unknown as number[]));
  }
  return btoa(parts.join(''));
}
