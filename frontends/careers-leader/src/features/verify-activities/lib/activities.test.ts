import { describe, expect, it } from 'vitest';
import type { OwnActivity } from '../graphql/ownActivities';
import { declineReasonProblem, oldestFirst, periodText } from './activities';

describe('periodText', () => {
  it('writes one day or a run of days', () => {
    expect(periodText('2026-03-03', null)).toBe('3 March 2026');
    expect(periodText('2026-03-03', '2026-03-03')).toBe('3 March 2026');
    expect(periodText('2026-03-03', '2026-03-28')).toBe('3 March 2026 to 28 March 2026');
  });
});

describe('oldestFirst', () => {
  it('puts the longest-waiting submission first', () => {
    const make = (id: string, submittedAt: string) => ({ id, submittedAt }) as OwnActivity;
    expect(oldestFirst([make('b', '2026-03-02T10:00:00Z'), make('a', '2026-03-01T10:00:00Z')]).map((activity) => activity.id)).toEqual(['a', 'b']);
  });
});

describe('declineReasonProblem', () => {
  it('needs a reason, not too long', () => {
    expect(declineReasonProblem('  ')).toBe('Enter a reason: the pupil will see it');
    expect(declineReasonProblem('x'.repeat(501))).toMatch(/500/);
    expect(declineReasonProblem('Please ask your manager to confirm the hours')).toBeNull();
  });
});
