/** The fields of a record a pupil (or their parent) sees; the same for `myPupilRecord` and `myChildren`. */
export const RECORD_FIELDS = /* GraphQL */ `
  id
  displayName
  firstName
  yearGroup
  tutorGroup
  dateOfBirth
  school {
    name
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
    }
  }
  destinations {
    stage
    kindLabel
  }
  intendedDestination {
    kindLabel
    provider
  }
`;

/** Consent and comments, the parts of the record added with pupil records (issue 3). */
export const RECORD_EXTRA_FIELDS = /* GraphQL */ `
  consent {
    destinationTracking
    localAuthoritySharingOptOut
    optOutBy
    updatedAt
  }
  comments {
    id
    body
    authorName
    createdAt
  }
`;

export const MY_PUPIL_RECORD_QUERY = /* GraphQL */ `
  query MyPupilRecord {
    myPupilRecord {
      ${RECORD_FIELDS}
    }
  }
`;

/**
 * Asked separately, so the record itself still shows if these newer fields are unavailable (a
 * subgraph deployed behind this remote, or an outage).
 */
export const MY_RECORD_EXTRAS_QUERY = /* GraphQL */ `
  query MyRecordExtras {
    myPupilRecord {
      id
      ${RECORD_EXTRA_FIELDS}
    }
  }
`;

export type DestinationStage = 'INTENDED' | 'IMMEDIATE' | 'YEAR_1' | 'YEAR_2' | 'YEAR_3';

export interface RecordEncounter {
  id: string;
  title: string;
  kindLabel: string;
  date: string;
  benchmarks: number[];
}

export interface RecordParticipation {
  id: string;
  attended: boolean;
  encounter: RecordEncounter | null;
}

export interface PupilRecordView {
  id: string;
  displayName: string;
  firstName: string;
  yearGroup: number | null;
  tutorGroup: string | null;
  dateOfBirth: string | null;
  school: { name: string } | null;
  /** Nullable: it comes from another subgraph. */
  participations: RecordParticipation[] | null;
  destinations: { stage: DestinationStage; kindLabel: string }[] | null;
  intendedDestination: { kindLabel: string; provider: string | null } | null;
}

export interface PupilConsent {
  destinationTracking: boolean;
  localAuthoritySharingOptOut: boolean;
  optOutBy: string | null;
  updatedAt: string | null;
}

export interface RecordComment {
  id: string;
  body: string;
  authorName: string;
  createdAt: string;
}

export interface RecordExtras {
  consent: PupilConsent | null;
  comments: RecordComment[] | null;
}

export interface MyPupilRecordData {
  myPupilRecord: PupilRecordView | null;
}

export interface MyRecordExtrasData {
  myPupilRecord: ({ id: string } & RecordExtras) | null;
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

export interface MutationError {
  code: string;
  message: string;
  fields: { field: string; message: string }[];
}

export const SET_PUPIL_CONSENT_MUTATION = /* GraphQL */ `
  mutation SetPupilConsent($input: SetPupilConsentInput!) {
    setPupilConsent(input: $input) {
      consent {
        destinationTracking
        localAuthoritySharingOptOut
        optOutBy
        updatedAt
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
        id
        body
        authorName
        createdAt
      }
      ${ERROR_FIELDS}
    }
  }
`;

export interface AddRecordCommentData {
  addRecordComment: { comment: RecordComment | null; error: MutationError | null };
}
