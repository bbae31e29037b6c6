import { describe, expect, it } from 'vitest';
import { EMPTY_CHECK, checkFieldIds, toCheckInput, validateCheck } from './checkForm';

const now = new Date('2026-12-06T10:00:00Z');

describe('the record-a-check form', () => {
  it('asks for what is missing in plain words', () => {
    expect(validateCheck(EMPTY_CHECK, now)).toEqual({
      kind: 'Choose the kind of check',
      doneOn: 'Enter the date the check was done',
      expiresOn: 'Enter the date the check expires',
    });
  });

  it('refuses an expiry on or before the day the check was done', () => {
    expect(validateCheck({ kind: 'IDENTITY', doneOn: '2026-12-01', expiresOn: '2026-12-01' }, now)).toEqual({
      expiresOn: 'The expiry date must be after the date the check was done',
    });
    expect(validateCheck({ kind: 'ENHANCED_DBS', doneOn: '2026-12-01', expiresOn: '2029-12-01' }, now)).toEqual({});
  });

  it('sends the volunteer and what was typed, and gives each volunteer its own field ids', () => {
    expect(toCheckInput('v1', { kind: 'EMPLOYER_ASSURANCE', doneOn: '2026-12-01', expiresOn: '2027-12-01' })).toEqual({
      volunteerId: 'v1',
      kind: 'EMPLOYER_ASSURANCE',
      doneOn: '2026-12-01',
      expiresOn: '2027-12-01',
    });
    expect(checkFieldIds('a').kind).not.toBe(checkFieldIds('b').kind);
  });
});
