import { describe, expect, it } from 'vitest';
import { describeIntention, toRecordIntentionInput, validateIntention } from './future';

describe('the plan form', () => {
  it('asks for a choice before anything else', () => {
    expect(validateIntention({ kind: '', apprenticeshipLevel: '', provider: '', course: '' })).toEqual({ kind: 'Choose what you plan to do next' });
  });

  it('sends a level only with an apprenticeship, and leaves out empty text', () => {
    expect(toRecordIntentionInput({ kind: 'APPRENTICESHIP', apprenticeshipLevel: '3', provider: ' Acme ', course: '' })).toEqual({
      kind: 'APPRENTICESHIP',
      apprenticeshipLevel: 3,
      provider: 'Acme',
      course: null,
    });
    expect(toRecordIntentionInput({ kind: 'FE_COLLEGE', apprenticeshipLevel: '3', provider: '', course: '' }).apprenticeshipLevel).toBeNull();
  });

  it('describes a plan in one line', () => {
    expect(describeIntention({ kindLabel: 'Apprenticeship', apprenticeshipLevel: 3, provider: 'Acme Engineering', course: 'Engineering technician' })).toBe(
      'Apprenticeship (level 3) at Acme Engineering: Engineering technician',
    );
    expect(describeIntention({ kindLabel: 'Gap year' })).toBe('Gap year');
  });
});
