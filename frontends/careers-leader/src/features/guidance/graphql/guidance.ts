import type { BenchmarkMeasure, BenchmarkState } from '../../../shared/benchmarks';
import type { MutationError } from '../../../shared/types';

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

const MEETING_FIELDS = /* GraphQL */ `
  id
  date
  adviserName
  adviserLevel
  notes
  agreedActions {
    id
    text
    dueOn
    doneAt
  }
`;

/**
 * A pupil's guidance meetings and benchmark progress, asked apart from the rest of the record so the
 * record still shows when these (newer, encounters-subgraph) fields are unavailable.
 */
export const PUPIL_PROGRESS_QUERY = /* GraphQL */ `
  query PupilProgress($id: ID!) {
    pupil(id: $id) {
      id
      consideringHigherEducation
      guidanceMeetings {
        ${MEETING_FIELDS}
      }
      benchmarkProgress {
        asOf
        yearGroup
        measures {
          measure
          benchmark
          label
          state
          detail
        }
        workExperience {
          hoursTotal
          days
        }
      }
    }
  }
`;

export interface AgreedAction {
  id: string;
  text: string;
  dueOn: string | null;
  doneAt: string | null;
}

export interface GuidanceMeeting {
  id: string;
  date: string;
  adviserName: string;
  adviserLevel: number;
  notes: string | null;
  agreedActions: AgreedAction[];
}

export interface StaffMeasureStatus {
  measure: BenchmarkMeasure;
  benchmark: number;
  label: string;
  state: BenchmarkState;
  detail: string;
}

export interface PupilProgressData {
  pupil: {
    id: string;
    consideringHigherEducation: boolean | null;
    guidanceMeetings: GuidanceMeeting[] | null;
    benchmarkProgress: {
      asOf: string;
      yearGroup: number | null;
      measures: StaffMeasureStatus[];
      workExperience: { hoursTotal: number; days: number };
    } | null;
  } | null;
}

export const RECORD_GUIDANCE_MEETING_MUTATION = /* GraphQL */ `
  mutation RecordGuidanceMeeting($input: RecordGuidanceMeetingInput!) {
    recordGuidanceMeeting(input: $input) {
      meeting {
        ${MEETING_FIELDS}
      }
      ${ERROR_FIELDS}
    }
  }
`;

export interface RecordGuidanceMeetingInput {
  pupilId: string;
  date: string;
  adviserName: string;
  adviserLevel: number;
  notes: string | null;
  actions: { text: string; dueOn: string | null }[];
}

export interface RecordGuidanceMeetingData {
  recordGuidanceMeeting: { meeting: GuidanceMeeting | null; error: MutationError | null };
}

export const SET_AGREED_ACTION_DONE_MUTATION = /* GraphQL */ `
  mutation SetAgreedActionDone($id: ID!, $done: Boolean!) {
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

export const SET_CONSIDERING_HIGHER_EDUCATION_MUTATION = /* GraphQL */ `
  mutation SetConsideringHigherEducation($pupilId: ID!, $considering: Boolean!) {
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
