import { describe, expect, it } from 'vitest';
import { canImport, importedSummary, importLabel, previewSummary } from './spellImport';

const preview = (spells: number, leavers: number, problemLines: number[], lines = spells + problemLines.length) => ({
  lines,
  spells,
  leavers,
  problems: problemLines.map((line) => ({ line, column: null, message: 'Wrong' })),
  error: null,
});

describe('the confirmation file import', () => {
  it('sums up a preview in plain English, counting lines with problems once', () => {
    expect(previewSummary(preview(2, 2, [4, 4, 6]))).toBe('5 lines checked: 2 spells for 2 leavers are ready; 2 lines have problems.');
    expect(previewSummary(preview(1, 1, []))).toBe('1 line checked: 1 spell for 1 leaver is ready.');
  });

  it('offers the import only when every line passed', () => {
    expect(canImport(preview(2, 1, []))).toBe(true);
    expect(canImport(preview(2, 1, [3]))).toBe(false);
    expect(canImport(preview(0, 0, []))).toBe(false);
    expect(canImport({ ...preview(2, 1, []), error: { code: 'FILE_EMPTY', message: 'Empty', fields: [] } })).toBe(false);
  });

  it('names the count on the button and in the result', () => {
    expect(importLabel(1)).toBe('Import 1 spell');
    expect(importLabel(10000)).toBe('Import 10,000 spells');
    expect(importedSummary(preview(3, 2, []))).toBe('Imported 3 spells for 2 leavers, as confirmed by the local authority or college.');
  });
});
