import { describe, expect, it } from 'vitest';
import { categoryOfActivity, categoryOfIntention, roundToFive, suppressedCells, SUPPRESS_BELOW } from './analytics.rules.js';

/** One row `[total, ...parts]` with its equation (the total first). */
const oneRow = (values: number[]) => suppressedCells([values], [values.map((_, c): [number, number] => [0, c])]);
const hidden = (set: Set<string>) => [...set].map((key) => Number(key.split(':')[1])).sort((a, b) => a - b);

describe('small-number suppression (docs/security.md, "Small numbers in destination figures")', () => {
  it('withholds counts from 1 to 4, never 0 or 5 and over', () => {
    expect(SUPPRESS_BELOW).toBe(5);
    expect(hidden(suppressedCells([[0, 1, 4, 5, 100]], []))).toEqual([1, 2]);
  });

  // [row: total then parts, the cells withheld]
  const cases: [string, number[], number[]][] = [
    ['nothing small: nothing withheld', [30, 10, 20, 0], []],
    ['two small parts: both withheld, nothing more', [30, 2, 3, 25], [1, 2]],
    ['one small part: the next smallest part goes too', [30, 2, 8, 20], [1, 2]],
    ['one small part: a part above 0 goes before a 0', [30, 3, 0, 27], [1, 3]],
    ['one small part and the rest 0 but one: that one goes, not the total', [12, 4, 0, 8], [1, 3]],
    ['a small total: the total and its parts are withheld', [4, 1, 3], [0, 1, 2]],
    ['a small total with one part: both withheld', [3, 3, 0], [0, 1]],
    ['three small parts', [40, 1, 1, 1, 37], [1, 2, 3]],
  ];
  it.each(cases)('%s', (_, values, expected) => {
    expect(hidden(oneRow(values))).toEqual(expected);
  });

  it('follows a withheld cell down its column: a total across schools never gives one school away', () => {
    // Two schools and their total; each row: leavers, then two categories.
    const grid = [
      [20, 2, 18],
      [30, 10, 20],
      [50, 12, 38],
    ];
    const rows = grid.map((_, r): [number, number][] => [
      [r, 0],
      [r, 1],
      [r, 2],
    ]);
    const columns = [0, 1, 2].map((c): [number, number][] => [
      [2, c],
      [0, c],
      [1, c],
    ]);
    const withheld = suppressedCells(grid, [...rows, ...columns]);
    // No equation is left with exactly one withheld cell.
    for (const equation of [...rows, ...columns]) expect(equation.filter(([r, c]) => withheld.has(`${r}:${c}`)).length).not.toBe(1);
    expect(withheld.has('0:1')).toBe(true);
    expect(withheld.has('1:1') || withheld.has('2:1')).toBe(true);
  });

  it('rounds a vulnerable group count to the nearest 5', () => {
    expect([0, 2, 3, 7, 8, 12, 13].map(roundToFive)).toEqual([0, 0, 5, 5, 10, 10, 15]);
  });
});

describe('destination categories', () => {
  it('reads spells and intentions into the same kinds', () => {
    expect(categoryOfActivity('EDUCATION', 'SCHOOL_SIXTH_FORM')).toBe('SCHOOL_SIXTH_FORM');
    expect(categoryOfActivity('EDUCATION', 'FE_COLLEGE')).toBe('COLLEGE');
    expect(categoryOfActivity('EDUCATION', 'UNIVERSITY')).toBe('OTHER_EDUCATION');
    expect(categoryOfActivity('EMPLOYMENT_WITHOUT_TRAINING', null)).toBe('EMPLOYMENT');
    expect(categoryOfActivity('NEET_NOT_AVAILABLE', null)).toBe('NEET');
    expect(categoryOfActivity('NOT_KNOWN', null)).toBe('NOT_KNOWN');
    expect(categoryOfActivity(null, null)).toBe('NOT_KNOWN');
    expect(categoryOfIntention('SIXTH_FORM_COLLEGE')).toBe('COLLEGE');
    expect(categoryOfIntention('GAP_YEAR')).toBe('OTHER');
    expect(categoryOfIntention(null)).toBe('NOT_KNOWN');
  });
});
