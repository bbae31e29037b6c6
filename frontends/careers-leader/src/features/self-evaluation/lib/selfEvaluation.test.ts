import { describe, expect, it } from 'vitest';
import { validateAnswer } from './selfEvaluation';

describe('validateAnswer', () => {
  it.each([
    [{ state: 'ACHIEVED' as const, reason: 'Published in September' }, {}],
    [{ state: '' as const, reason: 'Because' }, { state: 'Choose achieved, in progress or not achieved' }],
    [{ state: 'IN_PROGRESS' as const, reason: '   ' }, { reason: 'Enter a reason for your answer' }],
    [{ state: 'NOT_ACHIEVED' as const, reason: 'x'.repeat(500) }, {}],
    [{ state: 'NOT_ACHIEVED' as const, reason: 'x'.repeat(501) }, { reason: 'Keep the reason to 500 characters or fewer' }],
  ])('%j', (draft, problems) => {
    expect(validateAnswer(draft)).toEqual(problems);
  });
});
