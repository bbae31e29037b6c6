import { checkVolunteerCheck, type VolunteerCheckField } from '@waymark/domain';
import type { RecordVolunteerCheckInput, VolunteerCheckKind } from '../../../gql/graphql';

/** The record-a-check form as typed. */
export interface CheckDraft {
  kind: VolunteerCheckKind | '';
  doneOn: string;
  expiresOn: string;
}

export type CheckErrors = Partial<Record<VolunteerCheckField, string>>;

export const EMPTY_CHECK: CheckDraft = { kind: '', doneOn: '', expiresOn: '' };

/** The control each problem links to; `key` keeps them apart when several volunteers' forms are on the page. */
export function checkFieldIds(key: string): Record<VolunteerCheckField, string> {
  return { kind: `check-kind-${key}`, doneOn: `check-done-${key}`, expiresOn: `check-expires-${key}` };
}

export function toCheckInput(volunteerId: string, draft: CheckDraft): RecordVolunteerCheckInput {
  return { volunteerId, kind: draft.kind || 'IDENTITY', doneOn: draft.doneOn, expiresOn: draft.expiresOn };
}

/** The employers subgraph's own checks (@waymark/domain), run before sending. */
export function validateCheck(draft: CheckDraft, now = new Date()): CheckErrors {
  return checkVolunteerCheck(draft, now);
}
