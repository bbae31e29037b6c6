import { describe, expect, it } from 'vitest';
import { changeRows, nextReadinessYear, thisYearsAnswers, unanswered } from './readiness';

const now = new Date('2026-12-07T10:00:00Z');

describe('the readiness questionnaire in My progress', () => {
  const responses = [
    { academicYear: 2024, yearGroup: 7, answers: [{ item: 'TEAMWORK' as const, value: 2 }] },
    { academicYear: 2026, yearGroup: 9, answers: [{ item: 'TEAMWORK' as const, value: 4 }] },
  ];

  it('starts the form from this school year’s answers only', () => {
    expect(thisYearsAnswers(responses, now)).toEqual({ TEAMWORK: 4 });
    expect(thisYearsAnswers(responses.slice(0, 1), now)).toEqual({});
    expect(unanswered({ TEAMWORK: 4 })).toHaveLength(11);
  });

  it('says when the next one is, and shows each answer over time in words', () => {
    expect([7, 8, 10, 12, 13, null].map(nextReadinessYear)).toEqual([9, 9, 11, 13, null, null]);
    const teamwork = changeRows(responses).find((row) => row.item === 'TEAMWORK')!;
    expect(teamwork.values).toEqual(['A little', 'Yes, definitely']);
    expect(changeRows(responses).find((row) => row.item === 'LISTENING')!.values).toEqual([null, null]);
  });
});
