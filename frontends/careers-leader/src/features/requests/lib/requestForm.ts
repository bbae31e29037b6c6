import { checkVolunteerRequest, type VolunteerRequestField } from '@waymark/domain';
import type { PostVolunteerRequestInput, SicSection, VolunteerActivity } from '../../../gql/graphql';

/** The request form as typed. */
export interface RequestDraft {
  activity: VolunteerActivity | '';
  dateFrom: string;
  dateTo: string;
  yearGroups: number[];
  volunteersWanted: string;
  sectors: SicSection[];
  virtual: boolean;
  postcode: string;
  details: string;
  unsupervised: boolean;
  regular: boolean;
}

export type RequestErrors = Partial<Record<VolunteerRequestField, string>>;

export const EMPTY_REQUEST: RequestDraft = {
  activity: '',
  dateFrom: '',
  dateTo: '',
  yearGroups: [],
  volunteersWanted: '1',
  sectors: [],
  virtual: false,
  postcode: '',
  details: '',
  unsupervised: false,
  regular: false,
};

/** The control each problem links to (the first box of a group). */
export const REQUEST_FIELD_IDS: Record<VolunteerRequestField, string> = {
  activity: 'request-activity',
  dateFrom: 'request-from',
  dateTo: 'request-to',
  yearGroups: 'request-year-7',
  volunteersWanted: 'request-wanted',
  sectors: 'request-sector-A',
  postcode: 'request-postcode',
  details: 'request-details',
};

export function toRequestInput(draft: RequestDraft): PostVolunteerRequestInput {
  return {
    activity: draft.activity || 'TALK',
    dateFrom: draft.dateFrom,
    dateTo: draft.dateTo,
    yearGroups: [...draft.yearGroups].sort((a, b) => a - b),
    volunteersWanted: draft.volunteersWanted.trim() === '' ? 0 : Number(draft.volunteersWanted),
    sectors: draft.sectors,
    virtual: draft.virtual,
    postcode: draft.virtual ? null : draft.postcode,
    details: draft.details,
    unsupervised: draft.unsupervised,
    regular: draft.regular,
  };
}

/** The employers subgraph's own checks (@waymark/domain), run before sending. */
export function validateRequest(draft: RequestDraft, now = new Date()): RequestErrors {
  const input = toRequestInput(draft);
  const problems: RequestErrors = checkVolunteerRequest(
    { ...input, activity: draft.activity, sectors: input.sectors ?? [], postcode: input.postcode ?? null, details: input.details ?? '' },
    now,
  );
  return problems;
}
