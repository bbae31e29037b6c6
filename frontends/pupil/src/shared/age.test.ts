import { describe, expect, it } from 'vitest';
import { ageOn, mayChangeConsent } from './age';

describe('ageOn', () => {
  const today = new Date(2026, 10, 23);
  it.each([
    ['2010-11-23', 16],
    ['2010-11-24', 15],
    ['2010-12-01', 15],
    ['2010-01-01', 16],
    ['2011-08-31', 15],
    ['2010-11-23T00:00:00.000Z', 16],
  ])('born %s is %d', (dateOfBirth, age) => {
    expect(ageOn(dateOfBirth, today)).toBe(age);
  });

  it('is null without a date of birth', () => {
    expect(ageOn(null, today)).toBeNull();
    expect(ageOn('', today)).toBeNull();
    expect(ageOn('23/11/2010', today)).toBeNull();
  });
});

describe('mayChangeConsent', () => {
  it('lets a pupil decide from 16, and not before', () => {
    expect(mayChangeConsent('pupil', 16)).toBe(true);
    expect(mayChangeConsent('pupil', 15)).toBe(false);
    expect(mayChangeConsent('pupil', null)).toBe(false);
  });

  it('lets a parent decide until 16', () => {
    expect(mayChangeConsent('parent', 15)).toBe(true);
    expect(mayChangeConsent('parent', 16)).toBe(false);
    expect(mayChangeConsent('parent', null)).toBe(true);
  });
});
