import { describe, expect, it } from 'vitest';
import { CDI_AREA_KEYS, CDI_AREAS, checkPlanItem, HALF_TERM_KEYS, halfTermDates, halfTermOfDay, planItemStatus, type PlanItemValues } from './programme.js';

const valid: PlanItemValues = {
  academicYear: 2026,
  halfTerm: 'AUTUMN_2',
  yearGroups: [10],
  title: 'Year 10 mock interviews',
  purpose: 'Practise interviews with employers',
  learningOutcomes: 'Pupils can talk about their strengths',
  cdiAreas: ['CREATE_OPPORTUNITIES'],
  benchmarks: [5],
  deliveredBy: 'Local employers',
  forGroups: [],
  sendAdaptations: 'Questions shared a week before',
  startsOn: '2026-11-10',
  endsOn: '2026-11-12',
};

describe('CDI framework areas', () => {
  it('are the six areas, each with a label and a description', () => {
    expect(CDI_AREA_KEYS).toHaveLength(6);
    expect(CDI_AREA_KEYS.map((key) => CDI_AREAS[key].label)).toEqual([
      'Grow throughout life',
      'Explore possibilities',
      'Manage career',
      'Create opportunities',
      'Balance life and work',
      'See the big picture',
    ]);
    for (const key of CDI_AREA_KEYS) expect(CDI_AREAS[key].description.length).toBeGreaterThan(20);
  });
});

describe('halfTermDates', () => {
  it.each([
    ['AUTUMN_1', '2026-09-01', '2026-10-31'],
    ['AUTUMN_2', '2026-11-01', '2026-12-31'],
    ['SPRING_1', '2027-01-01', '2027-02-14'],
    ['SPRING_2', '2027-02-15', '2027-03-31'],
    ['SUMMER_1', '2027-04-01', '2027-05-31'],
    ['SUMMER_2', '2027-06-01', '2027-08-31'],
  ] as const)('%s of 2026/27 runs from %s to %s', (halfTerm, startsOn, endsOn) => {
    expect(halfTermDates(2026, halfTerm)).toEqual({ startsOn, endsOn });
  });

  it('covers every day of the academic year once, with no gaps between half terms', () => {
    const ranges = HALF_TERM_KEYS.map((key) => halfTermDates(2027, key));
    expect(ranges[0].startsOn).toBe('2027-09-01');
    expect(ranges[5].endsOn).toBe('2028-08-31');
    for (let i = 1; i < ranges.length; i++) {
      const dayAfter = new Date(Date.parse(`${ranges[i - 1].endsOn}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      expect(ranges[i].startsOn).toBe(dayAfter);
    }
  });

  it('puts a day in its half term', () => {
    expect(halfTermOfDay('2026-09-01')).toBe('AUTUMN_1');
    expect(halfTermOfDay('2026-12-31')).toBe('AUTUMN_2');
    expect(halfTermOfDay('2027-02-14')).toBe('SPRING_1');
    expect(halfTermOfDay('2027-02-15')).toBe('SPRING_2');
    expect(halfTermOfDay('2027-07-20')).toBe('SUMMER_2');
    expect(halfTermOfDay('2027-08-31')).toBe('SUMMER_2');
  });
});

describe('planItemStatus', () => {
  it.each([
    ['delivered once a linked encounter has happened, even before the half term ends', true, '2026-11-15', 'DELIVERED'],
    ['delivered after the half term too', true, '2027-03-01', 'DELIVERED'],
    ['planned while the half term is still to come', false, '2026-10-01', 'PLANNED'],
    ['planned on its last day', false, '2026-12-31', 'PLANNED'],
    ['slipped the day after it ends with nothing delivered', false, '2027-01-01', 'SLIPPED'],
  ] as const)('%s', (_reason, delivered, today, status) => {
    expect(planItemStatus(2026, 'AUTUMN_2', delivered, today)).toBe(status);
  });
});

describe('checkPlanItem', () => {
  it('accepts a complete item and one with only what is needed', () => {
    expect(checkPlanItem(valid)).toEqual({});
    expect(
      checkPlanItem({ ...valid, purpose: null, learningOutcomes: '', cdiAreas: [], deliveredBy: null, sendAdaptations: null, startsOn: null, endsOn: '' }),
    ).toEqual({});
  });

  it.each([
    ['an end before its start', { startsOn: '2026-11-12', endsOn: '2026-11-10' }, 'endsOn', 'The end date must be on or after the start date'],
    [
      'a start outside the academic year',
      { startsOn: '2026-08-31', endsOn: null },
      'startsOn',
      'The start date must be in the academic year, between 1 September 2026 and 31 August 2027',
    ],
    [
      'an end outside the academic year',
      { startsOn: null, endsOn: '2027-09-01' },
      'endsOn',
      'The end date must be in the academic year, between 1 September 2026 and 31 August 2027',
    ],
    ['a date that does not exist', { startsOn: '2027-02-30' }, 'startsOn', 'Enter the start date as a real date, or leave it empty'],
    ['no title', { title: '   ' }, 'title', 'Say what the activity is, for example "Year 10 mock interviews"'],
    ['no half term', { halfTerm: '' }, 'halfTerm', 'Choose the half term it is planned for'],
    ['no year group', { yearGroups: [] }, 'yearGroups', 'Choose at least one year group'],
    ['Year 6', { yearGroups: [6, 7] }, 'yearGroups', 'Year groups go from Year 7 to Year 13'],
    ['no benchmark', { benchmarks: [] }, 'benchmarks', 'Choose at least one benchmark it works towards'],
    ['Benchmark 9', { benchmarks: [9] }, 'benchmarks', 'Benchmarks go from 1 to 8'],
    ['an unknown CDI area', { cdiAreas: ['BE_HAPPY'] }, 'cdiAreas', 'Choose areas of the CDI framework from the list'],
    ['a flag name instead of a group code', { forGroups: ['senSupport'] }, 'forGroups', 'Choose groups of pupils from the list'],
    ['an academic year out of range', { academicYear: 1999 }, 'academicYear', 'Choose an academic year'],
    ['a purpose that is too long', { purpose: 'x'.repeat(1001) }, 'purpose', 'Keep the purpose to 1,000 characters or fewer'],
  ] as const)('refuses %s', (_reason, change, field, message) => {
    const problems = checkPlanItem({ ...valid, ...change });
    expect(problems).toEqual({ [field]: message });
  });

  it('accepts a vulnerable group by its code', () => {
    expect(checkPlanItem({ ...valid, forGroups: ['SEN_SUPPORT', 'LOOKED_AFTER'] })).toEqual({});
  });
});
