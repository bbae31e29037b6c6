import type { EncounterKind } from '../../../shared/encounterKinds';
import type { MutationError } from '../../../shared/types';
import type { VulnerableGroup } from '../../../shared/vulnerableGroups';

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

/** An encounter with its register, for its page (staff of the school that ran it). */
export const ENCOUNTER_QUERY = /* GraphQL */ `
  query Encounter($id: ID!) {
    encounter(id: $id) {
      id
      kind
      kindLabel
      title
      date
      endsAt
      hours
      inSchoolDay
      benchmarks
      yearGroups
      subject
      hashtags
      adviserName
      adviserLevel
      checklistMet
      checklistItems {
        key
        label
        ticked
      }
      attendedCount
      invitedCount
      school {
        id
        name
      }
      employers {
        id
        name
      }
      participations {
        id
        attended
        meaningful
        reflection
        reflectedAt
        pupil {
          id
          displayName
          upn
          yearGroup
          tutorGroup
        }
      }
    }
  }
`;

export interface RegisterEntry {
  id: string;
  attended: boolean;
  meaningful: boolean;
  reflection: string | null;
  reflectedAt: string | null;
  pupil: { id: string; displayName: string; upn: string | null; yearGroup: number | null; tutorGroup: string | null } | null;
}

export interface EncounterDetail {
  id: string;
  kind: EncounterKind;
  kindLabel: string;
  title: string;
  date: string;
  endsAt: string | null;
  hours: number;
  inSchoolDay: boolean;
  benchmarks: number[];
  yearGroups: number[];
  subject: string | null;
  hashtags: string[];
  adviserName: string | null;
  adviserLevel: number | null;
  checklistMet: boolean;
  checklistItems: { key: string; label: string; ticked: boolean }[];
  attendedCount: number;
  invitedCount: number;
  school: { id: string; name: string } | null;
  employers: { id: string; name: string }[];
  participations: RegisterEntry[];
}

export interface EncounterData {
  encounter: EncounterDetail | null;
}

export const INVITE_TO_ENCOUNTER_MUTATION = /* GraphQL */ `
  mutation InviteToEncounter($input: InviteInput!) {
    inviteToEncounter(input: $input) {
      added
      changed
      ${ERROR_FIELDS}
    }
  }
`;

export interface InviteInput {
  encounterId: string;
  yearGroups?: number[];
  tutorGroups?: string[];
  groups?: VulnerableGroup[];
  pupilIds?: string[];
}

export interface RegisterChangeResult {
  added: number;
  changed: number;
  error: MutationError | null;
}

export interface InviteToEncounterData {
  inviteToEncounter: RegisterChangeResult;
}

export const MARK_ATTENDANCE_MUTATION = /* GraphQL */ `
  mutation MarkAttendance($input: MarkAttendanceInput!) {
    markAttendance(input: $input) {
      added
      changed
      ${ERROR_FIELDS}
    }
  }
`;

export interface MarkAttendanceData {
  markAttendance: RegisterChangeResult;
}

export const IMPORT_REGISTER_MUTATION = /* GraphQL */ `
  mutation ImportRegister($input: ImportRegisterInput!) {
    importRegister(input: $input) {
      added
      changed
      unchanged
      rejected {
        line
        upn
        reason
      }
      ${ERROR_FIELDS}
    }
  }
`;

export interface RegisterRowError {
  line: number;
  upn: string | null;
  reason: string;
}

export interface ImportRegisterResult {
  added: number;
  changed: number;
  unchanged: number;
  rejected: RegisterRowError[];
  error: MutationError | null;
}

export interface ImportRegisterData {
  importRegister: ImportRegisterResult;
}

/** Pupils to hand-pick for the register. */
export const FIND_PUPILS_QUERY = /* GraphQL */ `
  query FindPupils($search: String!) {
    pupils(search: $search, first: 10) {
      edges {
        node {
          id
          displayName
          yearGroup
          tutorGroup
        }
      }
    }
  }
`;

export interface FoundPupil {
  id: string;
  displayName: string;
  yearGroup: number | null;
  tutorGroup: string | null;
}

export interface FindPupilsData {
  pupils: { edges: { node: FoundPupil }[] } | null;
}
