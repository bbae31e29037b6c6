export interface ReadProgress {
  loaded: number;
  total: number;
}

/** Reads a chosen file's bytes, reporting progress as the browser reads it (large MIS exports take a moment). */
export function readFileBytes(file: Blob, onProgress: (progress: ReadProgress) => void, signal?: AbortSignal): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    const abort = () => reader.abort();
    signal?.addEventListener('abort', abort, { once: true });
    const done = () => signal?.removeEventListener('abort', abort);
    reader.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    reader.onload = () => {
      done();
      onProgress({ loaded: file.size, total: file.size });
      resolve(new Uint8Array(reader.result as ArrayBuffer));
    };
    reader.onerror = () => {
      done();
      reject(new Error('The file could not be read. Check it is not open in another program, then choose it again.'));
    };
    reader.onabort = () => {
      done();
      reject(new DOMException('Reading the file was cancelled', 'AbortError'));
    };
    reader.readAsArrayBuffer(file);
  });
}
