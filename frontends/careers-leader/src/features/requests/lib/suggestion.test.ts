import { describe, expect, it } from 'vitest';
import { draftFromSuggestion } from './suggestion';
import { validateRequest } from './requestForm';

const now = new Date('2026-12-07T10:00:00Z');
const match = { yearGroup: 9, sector: 'C' as const, sectorName: 'Manufacturing', activity: 'TALK' as const, volunteersInPerson: 4 };

describe('a request filled in from a suggestion', () => {
  it('asks for a talk in person at the school for the year group and sector, and is ready to post', () => {
    const draft = draftFromSuggestion(match, 'LS6 2AB', now);
    expect(draft).toMatchObject({
      activity: 'TALK',
      yearGroups: [9],
      sectors: ['C'],
      virtual: false,
      postcode: 'LS6 2AB',
      dateFrom: '2026-12-21',
      dateTo: '2027-02-05',
      volunteersWanted: '1',
    });
    expect(validateRequest(draft, now)).toEqual({});
  });

  it('is online when nobody can come in person, or the school has given no place', () => {
    expect(draftFromSuggestion({ ...match, activity: 'VIRTUAL_SESSION', volunteersInPerson: 0 }, 'LS6 2AB', now)).toMatchObject({
      activity: 'VIRTUAL_SESSION',
      virtual: true,
      postcode: '',
    });
    expect(draftFromSuggestion(match, null, now)).toMatchObject({ activity: 'VIRTUAL_SESSION', virtual: true });
    expect(validateRequest(draftFromSuggestion(match, null, now), now)).toEqual({});
  });

  it('names no pupil in what volunteers read', () => {
    expect(draftFromSuggestion(match, 'LS6 2AB', now).details).toBe('For Year 9, who have not met anyone from Manufacturing this year.');
  });
});
