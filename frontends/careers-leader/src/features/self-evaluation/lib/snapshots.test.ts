import { describe, expect, it } from 'vitest';
import { changeSince, latestSnapshot, trendRows } from './snapshots';

const snapshot = (takenOn: string, scores: [number, number][]) => ({
  takenOn,
  scores: scores.map(([benchmark, score]) => ({ benchmark, score, achieved: 0, areas: 4, reading: 'RED' as const })),
});

describe('changeSince', () => {
  const march = snapshot('2027-03-31', [
    [1, 0.25],
    [2, 0.5],
  ]);
  it('says the change in whole points, with its sign and the day of the snapshot', () => {
    expect(changeSince(1, 0.33, march)).toBe('+8 points since 31 Mar 2027');
    expect(changeSince(2, 0.45, march)).toBe('−5 points since 31 Mar 2027');
    expect(changeSince(2, 0.51, march)).toBe('+1 point since 31 Mar 2027');
    expect(changeSince(2, 0.5, march)).toBe('No change since 31 Mar 2027');
  });
  it('says when there is nothing to compare with', () => {
    expect(changeSince(1, 0.5, null)).toBe('No snapshot yet');
    expect(changeSince(3, 0.5, march)).toBe('Not in the last snapshot');
  });
});

describe('latestSnapshot and trendRows', () => {
  it('take the last of the list (oldest first) and line each benchmark up across the snapshots', () => {
    const list = [snapshot('2026-12-31', [[1, 0]]), snapshot('2027-03-31', [[1, 0.25]])];
    expect(latestSnapshot(list)?.takenOn).toBe('2027-03-31');
    expect(latestSnapshot([])).toBeNull();
    expect(
      trendRows(
        [
          { benchmark: 1, name: 'A stable careers programme' },
          { benchmark: 2, name: 'LMI' },
        ],
        list,
      ),
    ).toEqual([
      { benchmark: 1, name: 'A stable careers programme', scores: [0, 0.25] },
      { benchmark: 2, name: 'LMI', scores: [null, null] },
    ]);
  });
});
