import { describe, expect, it } from 'vitest';
import { toShareRow } from '../lib/dashboardData';
import { comparisonCsv, sortLines, type SchoolLine } from './TrustDashboardPage';

const line = (key: string, name: string, met: number, eligible: number): SchoolLine => ({
  key,
  schoolId: key === 'trust' ? null : key,
  name,
  pupilCount: eligible,
  cells: [
    {
      measure: 'B5_EMPLOYERS',
      yearGroup: null,
      group: null,
      eligible,
      met,
      inProgress: eligible ? 1 : 0,
      notMet: Math.max(0, eligible - met - 1),
    },
  ],
});
const lines = [
  line('a', 'Abbey', 10, 100),
  line('b', 'Brook', 50, 100),
  line('c', 'Cedar', 0, 0),
  line('d', 'Dale', 50, 100),
  line('trust', 'Whole trust', 110, 300),
];
const share = (entry: SchoolLine) => toShareRow(entry.cells[0], entry.key, entry.name, null, null);

describe('sortLines', () => {
  it('puts the highest share met first (ties by name), a school where it does not apply last, and the trust at the foot', () => {
    expect(sortLines(lines, share).map((entry) => entry.name)).toEqual(['Brook', 'Dale', 'Abbey', 'Cedar', 'Whole trust']);
  });
});

describe('comparisonCsv', () => {
  it('has a met and an in-progress column per measure, blank where a measure does not apply', () => {
    const csv = comparisonCsv(lines, ['B5_EMPLOYERS'], share);
    expect(csv.split('\r\n')).toEqual([
      'School,Pupils,B5 employers met %,B5 employers in progress %',
      'Abbey,100,10,1',
      'Brook,100,50,1',
      'Cedar,0,,',
      'Dale,100,50,1',
      'Whole trust,300,37,0',
      '',
    ]);
  });
});
