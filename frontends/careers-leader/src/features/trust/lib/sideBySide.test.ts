import { describe, expect, it } from 'vitest';
import { changeText, nextSort, sideBySideCsv, sortRows, type SideRow } from './sideBySide';

const score = (benchmark: number, value: number, change: number | null = null) => ({
  benchmark,
  name: `Benchmark ${benchmark}`,
  score: value,
  achieved: 0,
  areas: 4,
  reading: value >= 0.75 ? ('GREEN' as const) : value >= 0.4 ? ('AMBER' as const) : ('RED' as const),
  change,
});
const row = (name: string, lastSnapshotOn: string | null, b1: number, b1Change: number | null = null): SideRow => ({
  key: name,
  name,
  lastSnapshotOn,
  scores: [score(1, b1, b1Change), score(2, 0)],
});
const rows = [row('Cedar', null, 0.5), row('Abbey', '2027-03-31', 0.25, -0.25), row('Brook', '2026-12-31', 0.75, 0.5), row('Dale', null, 0.5)];
const names = (list: SideRow[]) => list.map((r) => r.name);

describe('sortRows', () => {
  it('orders by name, by a benchmark (ties by name) either way, and by the last snapshot with none last', () => {
    expect(names(sortRows(rows, { column: 'school', direction: 'ascending' }))).toEqual(['Abbey', 'Brook', 'Cedar', 'Dale']);
    expect(names(sortRows(rows, { column: 'school', direction: 'descending' }))).toEqual(['Dale', 'Cedar', 'Brook', 'Abbey']);
    expect(names(sortRows(rows, { column: 1, direction: 'descending' }))).toEqual(['Brook', 'Cedar', 'Dale', 'Abbey']);
    expect(names(sortRows(rows, { column: 1, direction: 'ascending' }))).toEqual(['Abbey', 'Cedar', 'Dale', 'Brook']);
    expect(names(sortRows(rows, { column: 'snapshot', direction: 'descending' }))).toEqual(['Abbey', 'Brook', 'Cedar', 'Dale']);
    expect(names(sortRows(rows, { column: 'snapshot', direction: 'ascending' }))).toEqual(['Brook', 'Abbey', 'Cedar', 'Dale']);
  });
});

describe('nextSort', () => {
  it('starts names A to Z and scores highest first, and reverses the column already chosen', () => {
    expect(nextSort({ column: 'school', direction: 'ascending' }, 3)).toEqual({ column: 3, direction: 'descending' });
    expect(nextSort({ column: 3, direction: 'descending' }, 3)).toEqual({ column: 3, direction: 'ascending' });
    expect(nextSort({ column: 3, direction: 'ascending' }, 'school')).toEqual({ column: 'school', direction: 'ascending' });
  });
});

describe('changeText', () => {
  it('says the change in whole points, or why there is none', () => {
    expect(changeText(rows[2], rows[2].scores[0])).toBe('+50 points');
    expect(changeText(rows[1], rows[1].scores[0])).toBe('−25 points');
    expect(changeText(rows[1], rows[1].scores[1])).toBe('Not shown');
    expect(changeText(rows[0], rows[0].scores[0])).toBe('No snapshot');
    expect(changeText(row('Elm', '2027-03-31', 0.5, 0), score(1, 0.5, 0))).toBe('No change');
    // Two thirds less one third is 67 − 33 points, as the school's own page says it.
    expect(changeText(row('Fir', '2027-03-31', 2 / 3), score(1, 2 / 3, 1 / 3))).toBe('+34 points');
  });
});

describe('sideBySideCsv', () => {
  it('has a score, reading and change per benchmark, blank where there is no change to give', () => {
    expect(sideBySideCsv(sortRows(rows, { column: 1, direction: 'descending' }).slice(0, 2), [1, 2]).split('\r\n')).toEqual([
      'School,Last snapshot,B1 score %,B1 reading,B1 change since snapshot (points),B2 score %,B2 reading,B2 change since snapshot (points)',
      'Brook,2026-12-31,75,Green,50,0,Red,',
      'Cedar,,50,Amber,,0,Red,',
      '',
    ]);
  });
});
