import { describe, expect, it } from 'vitest';
import { checkSelfReport } from './self-report.js';

// The checks a leaver's and an alumnus's reports share; the resolver tests cover each field's messages.
describe('checkSelfReport', () => {
  const job = { activity: 'EMPLOYMENT_WITHOUT_TRAINING', provider: 'Corner Café', course: 'Barista', startsOn: '2024-06-01' };

  it.each([
    ['a leaver, from 1 June of their Year 11 summer', 'year11' as const, '2024-06-01', true],
    ['a leaver, not before it', 'year11' as const, '2024-05-31', false],
    ['an alumnus, from 1 June of the year they left', 'school' as const, '2024-06-01', true],
    ['an alumnus, not before it', 'school' as const, '2024-05-31', false],
  ])('starts: %s', (_reason, left, startsOn, ok) => {
    expect(checkSelfReport({ ...job, startsOn }, 2024, '2025-01-10', left).ok).toBe(ok);
  });

  it("says which leaving it means in the start's message", () => {
    const leaver = checkSelfReport({ ...job, startsOn: '2024-01-01' }, 2024, '2025-01-10');
    const alumnus = checkSelfReport({ ...job, startsOn: '2024-01-01' }, 2024, '2025-01-10', 'school');
    expect(!leaver.ok && leaver.problems.startsOn).toContain('after you left Year 11');
    expect(!alumnus.ok && alumnus.problems.startsOn).toContain('after you left school');
  });

  it('keeps only what the activity asks for', () => {
    const checked = checkSelfReport({ activity: 'NEET_AVAILABLE', provider: 'Ignored', course: 'Ignored', startsOn: '2024-09-01' }, 2024, '2025-01-10');
    expect(checked).toEqual({
      ok: true,
      report: { activity: 'NEET_AVAILABLE', providerKind: null, apprenticeshipLevel: null, provider: null, course: null, startsOn: '2024-09-01' },
    });
  });
});
