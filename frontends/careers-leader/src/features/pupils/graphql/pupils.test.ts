import { describe, expect, it } from 'vitest';
import { PUPILS_IN_GROUPS_QUERY, PUPILS_QUERY, pupilsRequest } from './pupils';

describe('pupilsRequest', () => {
  it('sends the plain list, blank text filters as null, when no group is ticked', () => {
    expect(pupilsRequest({ yearGroup: 9, tutorGroup: '  ', search: ' oka ', groups: [] }, 50, null)).toEqual({
      document: PUPILS_QUERY,
      variables: { first: 50, after: null, yearGroup: 9, tutorGroup: null, search: 'oka' },
    });
    expect(PUPILS_QUERY).not.toContain('VulnerableGroup');
  });

  it('adds the groups filter when groups are ticked', () => {
    const { document, variables } = pupilsRequest({ yearGroup: null, tutorGroup: '10B', search: '', groups: ['EAL', 'YOUNG_CARER'] }, 50, 'c1');
    expect(document).toBe(PUPILS_IN_GROUPS_QUERY);
    expect(variables).toEqual({ first: 50, after: 'c1', yearGroup: null, tutorGroup: '10B', search: null, groups: ['EAL', 'YOUNG_CARER'] });
  });
});
