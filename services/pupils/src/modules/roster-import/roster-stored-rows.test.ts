import { describe, expect, it } from 'vitest';
import { IMPORTED_FLAGS } from './roster-plan.js';
import { decodeRosterRows, encodeRosterRows, packRosterRows, unpackRosterRows } from './roster-stored-rows.js';
import type { RosterRow } from './roster-validate.js';

const base = { upn: 'A123456789012', legalSurname: 'Okafor', legalForename: 'Maya', dateOfBirth: '2011-04-03', yearGroup: 10 };

describe('stored rows', () => {
  it('come back exactly as validated, a field left out of a row still left out', () => {
    const rows: RosterRow[] = [
      { line: 2, ...base, preferredName: 'Mo', tutorGroup: '10A', senSupport: true, ehcp: false, disadvantaged: true },
      { line: 3, ...base, upn: 'B123456789012', preferredName: null, tutorGroup: null, refugee: false, serviceChild: true },
      { line: 5, ...base, upn: 'C123456789012' },
    ];
    const back = decodeRosterRows(JSON.parse(encodeRosterRows(rows)));
    expect(back).toEqual(rows);
    expect('preferredName' in back[2]).toBe(false);
    expect('tutorGroup' in back[2]).toBe(false);
    expect('eal' in back[0]).toBe(false);
  });

  it.each(IMPORTED_FLAGS)('keeps %s on its own, yes or no', (flag) => {
    for (const value of [true, false]) {
      const [row] = decodeRosterRows(JSON.parse(encodeRosterRows([{ line: 2, ...base, [flag]: value }])));
      expect(row).toEqual({ line: 2, ...base, [flag]: value });
    }
  });

  it('leaves out a text field no row has', () => {
    expect(JSON.parse(encodeRosterRows([{ line: 2, ...base }]))).not.toHaveProperty('tutorGroup');
  });

  it('are stored compressed, and read back', async () => {
    const rows: RosterRow[] = Array.from({ length: 500 }, (_, i) => ({
      line: i + 2,
      ...base,
      upn: `A${String(i).padStart(12, '0')}`,
      tutorGroup: '10A',
      eal: i % 2 === 0,
    }));
    const packed = await packRosterRows(rows);
    expect(packed.length).toBeLessThan(encodeRosterRows(rows).length / 3);
    expect(await unpackRosterRows(packed)).toEqual(rows);
  });

  it('reads an import stored before the format (plain JSON, one object per row)', async () => {
    const rows: RosterRow[] = [{ line: 2, ...base, eal: true }];
    expect(await unpackRosterRows(Buffer.from(JSON.stringify(rows)))).toEqual(rows);
  });
});
