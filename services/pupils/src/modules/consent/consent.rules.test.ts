import { describe, expect, it } from 'vitest';
import { consentRuling, optOutBy } from './consent.rules.js';

describe('consent rules', () => {
  it.each([
    ['staff', 12, true],
    ['staff', 17, true],
    ['self', 15, false],
    ['self', 16, true],
    ['parent', 15, true],
    ['parent', 16, false],
  ] as const)('%s with a pupil of %i: allowed %s', (actor, age, allowed) => {
    expect(consentRuling(actor, age).allowed).toBe(allowed);
  });

  it('says whose opt-out it is', () => {
    expect(optOutBy('parent', 14)).toBe('PARENT');
    expect(optOutBy('self', 16)).toBe('PUPIL');
    expect(optOutBy('staff', 15)).toBe('PARENT');
    expect(optOutBy('staff', 16)).toBe('PUPIL');
  });
});
