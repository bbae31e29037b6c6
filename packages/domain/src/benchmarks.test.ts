import { describe, expect, it } from 'vitest';
import { GATSBY_BENCHMARKS, benchmarkName, checklistItemsFor, checklistMet } from './benchmarks.js';
import { parseDay } from './academic-year.js';

describe('the meaningful checklist', () => {
  it('asks four things of every kind, eight of workplace kinds and seven of education providers', () => {
    expect(checklistItemsFor('EMPLOYER_TALK')).toHaveLength(4);
    expect(checklistItemsFor('WORK_EXPERIENCE')).toHaveLength(8);
    expect(checklistItemsFor('UNIVERSITY_VISIT')).toHaveLength(7);
  });

  it('is met only when every item that applies is ticked; items of other kinds do not matter', () => {
    const common = ['purposeShared', 'learningOutcomes', 'twoWayInteraction', 'reflectionTime'];
    expect(checklistMet('EMPLOYER_TALK', common)).toBe(true);
    expect(checklistMet('EMPLOYER_TALK', common.slice(1))).toBe(false);
    expect(checklistMet('WORKPLACE_VISIT', common)).toBe(false);
    expect(checklistMet('WORKPLACE_VISIT', [...common, 'staffInteraction', 'rangeOfPeople', 'employerTask', 'employerFeedback'])).toBe(true);
  });
});

describe('parseDay', () => {
  it('accepts real days only', () => {
    expect(parseDay('2027-02-28')).toBe('2027-02-28');
    expect(parseDay('2027-02-29')).toBeNull();
    expect(parseDay('2028-02-29')).toBe('2028-02-29');
    expect(parseDay('28/02/2027')).toBeNull();
  });
});

describe('benchmark names', () => {
  it('names the eight benchmarks once, by number', () => {
    expect(GATSBY_BENCHMARKS.map((benchmark) => benchmark.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(benchmarkName(8)).toBe('Personal guidance');
    expect(benchmarkName(9)).toBe('Benchmark 9');
  });
});
