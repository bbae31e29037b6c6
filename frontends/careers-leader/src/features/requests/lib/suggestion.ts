import { addDays, todayInEngland } from '@waymark/domain';
import type { SicSection, VolunteerActivity } from '../../../gql/graphql';
import { EMPTY_REQUEST, type RequestDraft } from './requestForm';

/** What the request form needs of a suggested match. */
export interface SuggestionForForm {
  yearGroup: number;
  sector: SicSection;
  sectorName: string;
  activity: VolunteerActivity;
  volunteersInPerson: number;
}

/** How far ahead a request made from a suggestion starts and ends (days); the leader can change both. */
export const SUGGESTION_STARTS_IN = 14;
export const SUGGESTION_ENDS_IN = 60;

/**
 * The request form filled in from a suggestion: its year group and sector, the suggested activity, in
 * person at the school's place when someone can come (otherwise online), one volunteer, and a window
 * from two weeks to about two months ahead. Nothing about any pupil goes in: volunteers read it.
 */
export function draftFromSuggestion(match: SuggestionForForm, postcode: string | null, now = new Date()): RequestDraft {
  const today = todayInEngland(now);
  const inPerson = match.activity !== 'VIRTUAL_SESSION' && match.volunteersInPerson > 0 && postcode !== null;
  return {
    ...EMPTY_REQUEST,
    activity: inPerson ? match.activity : 'VIRTUAL_SESSION',
    dateFrom: addDays(today, SUGGESTION_STARTS_IN),
    dateTo: addDays(today, SUGGESTION_ENDS_IN),
    yearGroups: [match.yearGroup],
    sectors: [match.sector],
    virtual: !inPerson,
    postcode: inPerson ? postcode : '',
    details: `For Year ${match.yearGroup}, who have not met anyone from ${match.sectorName} this year.`,
  };
}
