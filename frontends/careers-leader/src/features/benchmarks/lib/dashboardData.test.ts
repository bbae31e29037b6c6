import { describe, expect, it } from 'vitest';
import type { DashboardCell } from '../graphql/dashboard';
import { findCell, measuresIn, percent, rowsByGroup, rowsByYear, shareBand, shareText, toShareRow } from './dashboardData';

const cell = (
  measure: DashboardCell['measure'],
  yearGroup: number | null,
  counts: [number, number, number],
  group: DashboardCell['group'] = null,
): DashboardCell => ({
  measure,
  yearGroup,
  group,
  eligible: counts[0] + counts[1] + counts[2],
  met: counts[0],
  inProgress: counts[1],
  notMet: counts[2],
});

describe('percent', () => {
  it('rounds to whole percent and is 0 when nobody is counted', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
    expect(percent(5, 0)).toBe(0);
    expect(percent(0, 10)).toBe(0);
  });
});

describe('toShareRow', () => {
  it('never lets met and in progress add up to more than 100 through rounding', () => {
    // 1/3 met and 2/3 in progress round to 33% and 67%: together exactly 100.
    const row = toShareRow(cell('B6_BY_16', 10, [1, 2, 0]), 'k', 'Year 10', 10, null);
    expect(row.metPercent + row.inProgressPercent).toBe(100);
    const odd = toShareRow(cell('B6_BY_16', 10, [1, 1, 1]), 'k', 'Year 10', 10, null);
    expect([odd.metPercent, odd.inProgressPercent]).toEqual([33, 34]);
    expect(odd.missingOut).toBe(2);
  });

  it('treats a missing cell as nobody counted', () => {
    expect(toShareRow(undefined, 'k', 'Year 7', 7, null)).toMatchObject({ eligible: 0, metPercent: 0, inProgressPercent: 0, missingOut: 0 });
  });
});

describe('rowsByYear', () => {
  const cells = [
    cell('B5_EMPLOYERS', 7, [10, 0, 20]),
    cell('B5_EMPLOYERS', 8, [15, 0, 15]),
    cell('B5_EMPLOYERS', null, [25, 0, 35]),
    cell('B6_BY_16', 7, [0, 5, 25]),
  ];

  it('gives Years 7 to 13 in order, then all year groups', () => {
    const rows = rowsByYear(cells, 'B5_EMPLOYERS', null);
    expect(rows.map((row) => row.label)).toEqual(['Year 7', 'Year 8', 'Year 9', 'Year 10', 'Year 11', 'Year 12', 'Year 13', 'All year groups']);
    expect(rows.map((row) => row.metPercent)).toEqual([33, 50, 0, 0, 0, 0, 0, 42]);
    expect(rows[0]).toMatchObject({ yearGroup: 7, group: null, eligible: 30, missingOut: 20 });
    expect(rows[7]).toMatchObject({ yearGroup: null });
  });

  it('gives just the chosen year when the dashboard is narrowed to one', () => {
    expect(rowsByYear(cells, 'B6_BY_16', null, 7).map((row) => [row.label, row.inProgressPercent])).toEqual([['Year 7', 17]]);
  });

  it('marks the rows with the group the cells are for, so their links keep it', () => {
    const grouped = [cell('B5_EMPLOYERS', 9, [1, 0, 3], 'EAL')];
    expect(rowsByYear(grouped, 'B5_EMPLOYERS', 'EAL', 9)[0]).toMatchObject({ eligible: 4, met: 1, group: 'EAL', yearGroup: 9 });
  });
});

describe('rowsByGroup', () => {
  it('puts all pupils first, then every vulnerable group', () => {
    const groupCells = [cell('B8_BY_16', null, [2, 0, 8], 'DISADVANTAGED'), cell('B8_BY_16', null, [0, 0, 3], 'EHCP')];
    const rows = rowsByGroup(groupCells, cell('B8_BY_16', null, [20, 0, 80]), 'B8_BY_16', null);
    expect(rows).toHaveLength(13);
    expect(rows[0]).toMatchObject({ label: 'All pupils', group: null, metPercent: 20 });
    expect(rows.find((row) => row.group === 'DISADVANTAGED')).toMatchObject({ metPercent: 20, eligible: 10 });
    expect(rows.find((row) => row.group === 'EHCP')).toMatchObject({ metPercent: 0, missingOut: 3 });
    expect(rows.find((row) => row.group === 'REFUGEE')).toMatchObject({ eligible: 0 });
    expect(shareText(rows.find((row) => row.group === 'REFUGEE')!)).toBe('No pupils in this group');
    expect(shareText(rows[0])).toBe('20% met (of 100 pupils)');
  });

  it('reads rounded group figures as "about", and a rounded none as possibly a few', () => {
    const groupCells = [cell('B8_BY_16', null, [5, 0, 10], 'DISADVANTAGED')];
    const rows = rowsByGroup(groupCells, cell('B8_BY_16', null, [20, 0, 80]), 'B8_BY_16', null, true);
    expect(shareText(rows[0])).toBe('20% met (of 100 pupils)');
    expect(shareText(rows.find((row) => row.group === 'DISADVANTAGED')!)).toBe('33% met (of about 15 pupils)');
    expect(shareText(rows.find((row) => row.group === 'REFUGEE')!)).toBe('None, or too few to show');
    expect(shareText(rowsByYear([cell('B5_EMPLOYERS', 9, [5, 0, 5], 'EAL')], 'B5_EMPLOYERS', 'EAL', 9, true)[0])).toBe('50% met (of about 10 pupils)');
    expect(shareText(rowsByYear([cell('B5_EMPLOYERS', 9, [5, 0, 5])], 'B5_EMPLOYERS', null, 9, true)[0])).toBe('50% met (of 10 pupils)');
  });

  it('leaves out all pupils when there is no figure for them', () => {
    expect(rowsByGroup([], null, 'B8_BY_16', 9).map((row) => row.group)).not.toContain(null);
    expect(rowsByGroup([], null, 'B8_BY_16', 9)).toHaveLength(12);
  });
});

describe('measuresIn and findCell', () => {
  it('orders measures as the dashboard shows them', () => {
    const cells = [cell('B8_BY_16', null, [1, 0, 0]), cell('B2_LMI', null, [1, 0, 0]), cell('PROVIDER_ACCESS_Y8_9', 8, [0, 1, 0])];
    expect(measuresIn(cells)).toEqual(['B2_LMI', 'B8_BY_16', 'PROVIDER_ACCESS_Y8_9']);
    expect(findCell(cells, 'PROVIDER_ACCESS_Y8_9', 8, null)?.inProgress).toBe(1);
    expect(findCell(cells, 'PROVIDER_ACCESS_Y8_9', null)).toBeUndefined();
    expect(findCell([cell('B2_LMI', 7, [1, 0, 0], 'EAL')], 'B2_LMI', 7)?.group).toBe('EAL');
    expect(findCell([cell('B2_LMI', 7, [1, 0, 0], 'EAL')], 'B2_LMI', 7, null)).toBeUndefined();
  });
});

describe('shareText', () => {
  it('says the figures in words', () => {
    expect(shareText(toShareRow(cell('B6_BY_16', 10, [3, 1, 6]), 'k', 'Year 10', 10, null))).toBe('30% met, 10% in progress (of 10 pupils)');
    expect(shareText(toShareRow(cell('B5_EMPLOYERS', 10, [1, 0, 0]), 'k', 'Year 10', 10, null))).toBe('100% met (of 1 pupil)');
    expect(shareText(toShareRow(undefined, 'k', 'Year 7', 7, null))).toBe('Does not apply to any pupil');
  });
});

describe('shareBand', () => {
  it('shades by how close the share met is to everyone', () => {
    expect([100, 90, 89, 60, 59, 1, 0].map(shareBand)).toEqual(['high', 'high', 'good', 'good', 'low', 'low', 'none']);
  });
});
