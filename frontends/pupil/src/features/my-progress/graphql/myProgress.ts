import type { MutationError } from '../../my-record/graphql/myPupilRecord';

export type BenchmarkState = 'MET' | 'IN_PROGRESS' | 'NOT_MET' | 'NOT_APPLICABLE';
export type OwnActivityKind = 'PART_TIME_JOB' | 'WORK_EXPERIENCE' | 'UNIVERSITY_OPEN_DAY' | 'VOLUNTEERING' | 'OTHER';
export type OwnActivityStatus = 'SUBMITTED' | 'VERIFIED' | 'DECLINED';

const OWN_ACTIVITY_FIELDS = /* GraphQL */ `
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
`;

/** A pupil's benchmark progress with its evidence, as "My progress" and a parent's view show it. */
export const BENCHMARK_PROGRESS_FIELDS = /* GraphQL */ `
  asOf
  academicYear
  yearGroup
  measures {
    measure
    benchmark
    label
    state
    count
    needed
    detail
    evidence {
      title
      kindLabel
      date
      counts
      reason
    }
  }
  workExperience {
    hoursYears7to9
    hoursYears10to11
    hoursTotal
    days
  }
`;

/** Guidance meetings as the pupil (and a parent) see them: no notes, the agreed actions. */
export const GUIDANCE_MEETING_FIELDS = /* GraphQL */ `
  id
  date
  adviserName
  agreedActions {
    id
    text
    dueOn
    doneAt
  }
`;

/** Everything "My progress" shows, in one request; each part that fails comes back as an error on its own path. */
export const MY_PROGRESS_QUERY = /* GraphQL */ `
  query MyProgress {
    myPupilRecord {
      id
      firstName
      yearGroup
      interests
      consideringHigherEducation
      benchmarkProgress {
        ${BENCHMARK_PROGRESS_FIELDS}
      }
      upcomingEncounters {
        id
        title
        kindLabel
        date
        endsAt
        hashtags
      }
      guidanceMeetings {
        ${GUIDANCE_MEETING_FIELDS}
      }
      participations {
        id
        attended
        reflection
        reflectedAt
        encounter {
          id
          title
          kindLabel
          date
        }
      }
      ownActivities {
        ${OWN_ACTIVITY_FIELDS}
      }
    }
  }
`;

export interface Evidence {
  title: string;
  kindLabel: string;
  date: string;
  counts: boolean;
  reason: string | null;
}

export interface MeasureStatus {
  measure: string;
  benchmark: number;
  label: string;
  state: BenchmarkState;
  count: number;
  needed: number;
  detail: string;
  evidence: Evidence[];
}

export interface WorkExperienceTally {
  hoursYears7to9: number;
  hoursYears10to11: number;
  hoursTotal: number;
  days: number;
}

export interface PupilProgress {
  asOf: string;
  academicYear: number;
  yearGroup: number | null;
  measures: MeasureStatus[];
  workExperience: WorkExperienceTally;
}

export interface UpcomingEncounter {
  id: string;
  title: string;
  kindLabel: string;
  date: string;
  endsAt: string | null;
  hashtags: string[];
}

export interface AgreedAction {
  id: string;
  text: string;
  dueOn: string | null;
  doneAt: string | null;
}

export interface PupilGuidanceMeeting {
  id: string;
  date: string;
  adviserName: string;
  agreedActions: AgreedAction[];
}

export interface ReflectableParticipation {
  id: string;
  attended: boolean;
  reflection: string | null;
  reflectedAt: string | null;
  encounter: { id: string; title: string; kindLabel: string; date: string } | null;
}

export interface OwnActivity {
  id: string;
  kind: OwnActivityKind;
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
}

export interface MyProgressRecord {
  id: string;
  firstName: string;
  yearGroup: number | null;
  interests: string[] | null;
  consideringHigherEducation: boolean | null;
  benchmarkProgress: PupilProgress | null;
  upcomingEncounters: UpcomingEncounter[] | null;
  guidanceMeetings: PupilGuidanceMeeting[] | null;
  participations: ReflectableParticipation[] | null;
  ownActivities: OwnActivity[] | null;
}

export interface MyProgressData {
  myPupilRecord: MyProgressRecord | null;
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

export const RECORD_REFLECTION_MUTATION = /* GraphQL */ `
  mutation RecordReflection($input: RecordReflectionInput!) {
    recordReflection(input: $input) {
      participation {
        id
        reflection
        reflectedAt
      }
      ${ERROR_FIELDS}
    }
  }
`;

export interface RecordReflectionData {
  recordReflection: { participation: { id: string; reflection: string | null; reflectedAt: string | null } | null; error: MutationError | null };
}

export const SUBMIT_OWN_ACTIVITY_MUTATION = /* GraphQL */ `
  mutation SubmitOwnActivity($input: SubmitOwnActivityInput!) {
    submitOwnActivity(input: $input) {
      activity {
        ${OWN_ACTIVITY_FIELDS}
      }
      ${ERROR_FIELDS}
    }
  }
`;

export interface SubmitOwnActivityInput {
  kind: OwnActivityKind;
  title: string;
  description: string | null;
  startedOn: string;
  endedOn: string | null;
  hours: number;
}

export interface SubmitOwnActivityData {
  submitOwnActivity: { activity: OwnActivity | null; error: MutationError | null };
}

export const SET_AGREED_ACTION_DONE_MUTATION = /* GraphQL */ `
  mutation SetMyAgreedActionDone($id: ID!, $done: Boolean!) {
    setAgreedActionDone(id: $id, done: $done) {
      action {
        id
        doneAt
      }
      ${ERROR_FIELDS}
    }
  }
`;

export interface SetAgreedActionDoneData {
  setAgreedActionDone: { action: { id: string; doneAt: string | null } | null; error: MutationError | null };
}

export const SET_INTERESTS_MUTATION = /* GraphQL */ `
  mutation SetInterests($hashtags: [String!]!) {
    setInterests(hashtags: $hashtags) {
      pupil {
        id
        interests
      }
      ${ERROR_FIELDS}
    }
  }
`;

export interface SetInterestsData {
  setInterests: { pupil: { id: string; interests: string[] | null } | null; error: MutationError | null };
}

export const SET_CONSIDERING_HIGHER_EDUCATION_MUTATION = /* GraphQL */ `
  mutation SetMyConsideringHigherEducation($pupilId: ID!, $considering: Boolean!) {
    setConsideringHigherEducation(pupilId: $pupilId, considering: $considering) {
      pupil {
        id
        consideringHigherEducation
      }
      ${ERROR_FIELDS}
    }
  }
`;

export interface SetConsideringHigherEducationData {
  setConsideringHigherEducation: { pupil: { id: string; consideringHigherEducation: boolean | null } | null; error: MutationError | null };
}
