import { describe, expect, it } from 'vitest';
import { followedLeavingYears, isFollowed } from './spell.rules.js';

describe('followedLeavingYears (leavers in their three destination years on a day)', () => {
  it.each([
    { why: 'in the autumn: the last three summers', today: '2026-12-06', expected: [2026, 2025, 2024] },
    { why: 'in May: this summer has not come, and 2023 leavers are in their third year until 31 July', today: '2026-05-31', expected: [2025, 2024, 2023] },
    { why: 'from 1 June this summer counts, and 2023 leavers still do: four summers', today: '2026-06-01', expected: [2026, 2025, 2024, 2023] },
    { why: 'on 31 July, the last day of the third year of 2023 leavers', today: '2026-07-31', expected: [2026, 2025, 2024, 2023] },
    { why: 'on 1 August, 2023 leavers are past their three years', today: '2026-08-01', expected: [2026, 2025, 2024] },
  ])('$why', ({ today, expected }) => {
    expect(followedLeavingYears(today)).toEqual(expected);
    for (const year of [2022, 2023, 2024, 2025, 2026, 2027]) expect(isFollowed(year, today)).toBe(expected.includes(year));
  });
});
