import type { MutationError } from '../../../shared/types';

export type OwnActivityStatus = 'SUBMITTED' | 'VERIFIED' | 'DECLINED';

export const ACTIVITIES_TO_VERIFY_QUERY = /* GraphQL */ `
  query ActivitiesToVerify($status: OwnActivityStatus) {
    activitiesToVerify(status: $status) {
      id
      kind
      kindLabel
      title
      description
      startedOn
      endedOn
      hours
      status
      declineReason
      submittedAt
      decidedAt
      decidedBy
      pupil {
        id
        displayName
        yearGroup
        tutorGroup
      }
    }
  }
`;

export interface OwnActivity {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  description: string | null;
  startedOn: string;
  endedOn: string | null;
  hours: number;
  status: OwnActivityStatus;
  declineReason: string | null;
  submittedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  pupil: { id: string; displayName: string; yearGroup: number | null; tutorGroup: string | null } | null;
}

export interface ActivitiesToVerifyData {
  activitiesToVerify: OwnActivity[] | null;
}

const RESULT_FIELDS = /* GraphQL */ `
  activity {
    id
    status
    declineReason
    decidedAt
  }
  error {
    code
    message
    fields {
      field
      message
    }
  }
`;

export const VERIFY_OWN_ACTIVITY_MUTATION = /* GraphQL */ `
  mutation VerifyOwnActivity($id: ID!) {
    verifyOwnActivity(id: $id) {
      ${RESULT_FIELDS}
    }
  }
`;

export const DECLINE_OWN_ACTIVITY_MUTATION = /* GraphQL */ `
  mutation DeclineOwnActivity($id: ID!, $reason: String!) {
    declineOwnActivity(id: $id, reason: $reason) {
      ${RESULT_FIELDS}
    }
  }
`;

export interface OwnActivityResult {
  activity: { id: string; status: OwnActivityStatus; declineReason: string | null; decidedAt: string | null } | null;
  error: MutationError | null;
}

export interface VerifyOwnActivityData {
  verifyOwnActivity: OwnActivityResult;
}

export interface DeclineOwnActivityData {
  declineOwnActivity: OwnActivityResult;
}
