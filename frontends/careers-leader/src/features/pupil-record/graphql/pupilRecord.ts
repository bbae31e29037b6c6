import type { MutationError } from '../../../shared/types';
import { PUPIL_FLAGS_FIELDS, type PupilFlags, type VulnerableGroup } from '../../../shared/vulnerableGroups';

const CONSENT_FIELDS = /* GraphQL */ `
  destinationTracking
  localAuthoritySharingOptOut
  optOutBy
  updatedAt
`;

const COMMENT_FIELDS = /* GraphQL */ `
  id
  body
  authorName
  createdAt
`;

/**
 * The whole record in one request through the gateway: details and flags from pupils, activities
 * from encounters, destinations from destinations. Fields the caller may not read come back as
 * errors on their own path while the rest still arrives.
 */
export const PUPIL_RECORD_QUERY = /* GraphQL */ `
  query PupilRecord($id: ID!) {
    pupil(id: $id) {
      id
      upn
      displayName
      firstName
      lastName
      dateOfBirth
      yearGroup
      tutorGroup
      leftOn
      school {
        id
        name
      }
      recordAccess {
        current
        schoolId
        until
      }
      flags {
        ${PUPIL_FLAGS_FIELDS}
      }
      flagHistory {
        group
        value
        changedAt
        source
        changedBy
      }
      enrolments {
        school {
          id
          name
        }
        startedOn
        leftOn
      }
      consent {
        ${CONSENT_FIELDS}
      }
      participations {
        id
        attended
        encounter {
          id
          title
          kindLabel
          date
          benchmarks
          school {
            name
          }
        }
      }
      destinations {
        id
        stage
        kindLabel
        provider
        recordedOn
      }
      comments {
        ${COMMENT_FIELDS}
      }
    }
  }
`;

export type FlagSource = 'IMPORT' | 'STAFF' | 'ROLLOVER' | string;

export interface FlagChange {
  group: VulnerableGroup;
  value: boolean;
  changedAt: string;
  source: FlagSource;
  changedBy: string | null;
}

export interface PupilConsent {
  destinationTracking: boolean;
  localAuthoritySharingOptOut: boolean;
  optOutBy: 'PARENT' | 'PUPIL' | string | null;
  updatedAt: string | null;
}

export interface RecordComment {
  id: string;
  body: string;
  authorName: string;
  createdAt: string;
}

export interface StaffParticipation {
  id: string;
  attended: boolean;
  encounter: { id: string; title: string; kindLabel: string; date: string; benchmarks: number[]; school: { name: string } | null } | null;
}

export type DestinationStage = 'INTENDED' | 'IMMEDIATE' | 'YEAR_1' | 'YEAR_2' | 'YEAR_3';

export interface StaffDestination {
  id: string;
  stage: DestinationStage;
  kindLabel: string;
  provider: string | null;
  recordedOn: string;
}

export interface PupilRecord {
  id: string;
  upn: string | null;
  displayName: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string | null;
  yearGroup: number | null;
  tutorGroup: string | null;
  leftOn: string | null;
  school: { id: string; name: string } | null;
  recordAccess: { current: boolean; schoolId: string | null; until: string | null } | null;
  flags: PupilFlags | null;
  flagHistory: FlagChange[] | null;
  enrolments: { school: { id: string; name: string } | null; startedOn: string; leftOn: string | null }[] | null;
  consent: PupilConsent | null;
  participations: StaffParticipation[] | null;
  destinations: StaffDestination[] | null;
  comments: RecordComment[] | null;
}

export interface PupilRecordData {
  pupil: PupilRecord | null;
}

const ERROR_FIELDS = /* GraphQL */ `
  error {
    code
    message
    fields {
      field
      message
    }
  }
`;

export const SET_PUPIL_FLAGS_MUTATION = /* GraphQL */ `
  mutation SetPupilFlags($input: SetPupilFlagsInput!) {
    setPupilFlags(input: $input) {
      pupil {
        id
        flags {
          ${PUPIL_FLAGS_FIELDS}
        }
      }
      ${ERROR_FIELDS}
    }
  }
`;

export interface SetPupilFlagsData {
  setPupilFlags: { pupil: { id: string; flags: PupilFlags | null } | null; error: MutationError | null };
}

export const SET_PUPIL_CONSENT_MUTATION = /* GraphQL */ `
  mutation SetPupilConsent($input: SetPupilConsentInput!) {
    setPupilConsent(input: $input) {
      consent {
        ${CONSENT_FIELDS}
      }
      ${ERROR_FIELDS}
    }
  }
`;

export interface SetPupilConsentData {
  setPupilConsent: { consent: PupilConsent | null; error: MutationError | null };
}

export const ADD_RECORD_COMMENT_MUTATION = /* GraphQL */ `
  mutation AddRecordComment($input: AddRecordCommentInput!) {
    addRecordComment(input: $input) {
      comment {
        ${COMMENT_FIELDS}
      }
      ${ERROR_FIELDS}
    }
  }
`;

export interface AddRecordCommentData {
  addRecordComment: { comment: RecordComment | null; error: MutationError | null };
}
