import { describe, expect, it } from 'vitest';
import { checkReadinessAnswers, isReadinessYear, positiveShare, READINESS_ITEM_KEYS } from './readiness.js';

const all = (value: number) => READINESS_ITEM_KEYS.map((item) => ({ item, value }));

describe('career readiness', () => {
  it('has four knowledge questions and the eight Skills Builder skills, asked in Years 7, 9, 11 and 13', () => {
    expect(READINESS_ITEM_KEYS).toHaveLength(12);
    expect([7, 8, 9, 10, 11, 12, 13].filter(isReadinessYear)).toEqual([7, 9, 11, 13]);
  });

  it.each([
    { why: 'every question answered once', answers: all(3), problems: [] },
    { why: 'one missing', answers: all(3).slice(1), problems: ['Answer every question: 1 is missing'] },
    {
      why: 'an answer out of range',
      answers: [...all(3).slice(1), { item: 'KNOW_JOBS', value: 5 }],
      problems: ['Answer "I know some jobs that use the things I like doing." with 1 to 4'],
    },
    { why: 'a question twice', answers: [...all(2), { item: 'TEAMWORK', value: 4 }], problems: ['"TEAMWORK" is answered twice'] },
    { why: 'an unknown question', answers: [...all(2), { item: 'JUGGLING', value: 4 }], problems: ['"JUGGLING" is not one of the questions'] },
  ])('$why', ({ answers, problems }) => {
    expect(checkReadinessAnswers(answers)).toEqual(problems);
  });

  it('counts 3 and 4 as positive', () => {
    expect(positiveShare([1, 2, 3, 4])).toBe(50);
    expect(positiveShare([3, 3, 2])).toBe(67);
    expect(positiveShare([])).toBeNull();
  });
});
