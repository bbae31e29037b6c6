import { describe, expect, it } from 'vitest';
import { answerOf, describeReport, statusText } from './whereAreYouNow';

describe('where are you now', () => {
  const blank = { activity: '', providerKind: '', apprenticeshipLevel: '', provider: '', course: '', startsOn: '' };

  it('sends only the fields the choice asks for', () => {
    expect(answerOf({ ...blank, activity: 'NEET_AVAILABLE', provider: 'left over', startsOn: '2025-01-02' })).toEqual({
      activity: 'NEET_AVAILABLE',
      startsOn: '2025-01-02',
    });
    expect(
      answerOf({ ...blank, activity: 'APPRENTICESHIP', apprenticeshipLevel: '3', provider: 'Acme', course: 'Fitter', providerKind: 'UNIVERSITY' }),
    ).toEqual({
      activity: 'APPRENTICESHIP',
      apprenticeshipLevel: 3,
      provider: 'Acme',
      course: 'Fitter',
      startsOn: '',
    });
  });

  it('describes a report and whether the school looked at it', () => {
    expect(describeReport({ activity: 'EDUCATION', provider: 'Leeds University', course: 'Nursing' })).toBe(
      'Studying at a sixth form, college or university: Nursing at Leeds University',
    );
    expect(statusText('PENDING')).toContain('not looked at');
    expect(statusText('MATCHED')).toContain('kept');
    expect(statusText('KEPT')).toContain('kept');
    expect(statusText('REJECTED')).toContain('did not keep');
  });
});
