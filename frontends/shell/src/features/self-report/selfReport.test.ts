import { describe, expect, it } from 'vitest';
import { hasPlace, isSelfReportPath, problemsOf } from './selfReport';

describe('the self-report page', () => {
  it('opens at /where-are-you-now only', () => {
    expect(isSelfReportPath('/where-are-you-now')).toBe(true);
    expect(isSelfReportPath('/where-are-you-now/')).toBe(true);
    expect(isSelfReportPath('/where-are-you')).toBe(false);
  });

  it('asks for a place only when there is one', () => {
    expect(hasPlace('APPRENTICESHIP')).toBe(true);
    expect(hasPlace('NEET_AVAILABLE')).toBe(false);
    expect(hasPlace('')).toBe(false);
  });

  it('keeps the first problem for each field', () => {
    expect(
      problemsOf({
        problems: [{ field: 'provider', message: 'one' }, { field: 'provider', message: 'two' }, { field: 'startsOn', message: 'three' }, { nonsense: true }],
      }),
    ).toEqual({ provider: 'one', startsOn: 'three' });
  });
});
