import { describe, expect, it } from 'vitest';
import { hasHappened } from './engagement-feedback.service.js';

// When feedback opens (docs/domain-rules.md, "Feedback after an engagement"): with a start time, once it
// has passed; with only the day, from that day in England.
describe('hasHappened', () => {
  const now = new Date('2026-06-10T08:00:00.000Z'); // 09:00 on 10 June in England (BST)
  const cases: [string, { date: string; hasTime: boolean }, boolean][] = [
    ['started an hour ago', { date: '2026-06-10T07:00:00.000Z', hasTime: true }, true],
    ['starts this very moment', { date: '2026-06-10T08:00:00.000Z', hasTime: true }, true],
    ['starts in an hour', { date: '2026-06-10T09:00:00.000Z', hasTime: true }, false],
    ['only the day, today (carried as noon UTC)', { date: '2026-06-10T12:00:00.000Z', hasTime: false }, true],
    ['only the day, yesterday', { date: '2026-06-09T12:00:00.000Z', hasTime: false }, true],
    ['only the day, tomorrow', { date: '2026-06-11T12:00:00.000Z', hasTime: false }, false],
  ];
  it.each(cases)('%s', (_why, encounter, expected) => {
    expect(hasHappened({ date: new Date(encounter.date), hasTime: encounter.hasTime }, now)).toBe(expected);
  });

  it('counts the day in England, not in UTC: 00:30 BST on 11 June is already the 11th', () => {
    const justAfterMidnight = new Date('2026-06-10T23:30:00.000Z');
    expect(hasHappened({ date: new Date('2026-06-11T12:00:00.000Z'), hasTime: false }, justAfterMidnight)).toBe(true);
  });
});
