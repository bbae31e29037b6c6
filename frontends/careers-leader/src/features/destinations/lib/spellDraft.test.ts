import { describe, expect, it } from 'vitest';
import { EMPTY_SPELL, toRecordActivitySpellInput, validateSpell } from './spellDraft';

describe('the spell form', () => {
  it('says what is missing, with the API’s own messages', () => {
    expect(validateSpell(EMPTY_SPELL)).toEqual({
      activity: 'Choose what they were doing',
      startsOn: 'Enter the day it started, for example 2025-09-04',
    });
    expect(validateSpell({ ...EMPTY_SPELL, activity: 'EDUCATION', startsOn: '2025-09-04', endsOn: '2025-08-01' })).toEqual({
      providerKind: 'Choose where they study, for example a further education college',
      endsOn: 'A spell cannot end before it starts: it starts on 2025-09-04 but ends on 2025-08-01',
    });
  });

  it('sends the kind of place only for education and the level only for an apprenticeship', () => {
    const draft = {
      ...EMPTY_SPELL,
      activity: 'APPRENTICESHIP' as const,
      providerKind: 'FE_COLLEGE' as const,
      apprenticeshipLevel: '3',
      startsOn: '2025-09-01',
    };
    expect(validateSpell(draft)).toEqual({});
    expect(toRecordActivitySpellInput('p1', draft)).toEqual({
      pupilId: 'p1',
      activity: 'APPRENTICESHIP',
      providerKind: null,
      apprenticeshipLevel: 3,
      provider: null,
      startsOn: '2025-09-01',
      endsOn: null,
      source: 'STAFF',
      confirmed: false,
    });
  });
});
