import type { MutationError } from '../../../shared/types';

export const SCHOOL_SETTINGS_QUERY = /* GraphQL */ `
  query SchoolSettings {
    schools {
      id
      name
      parentAccessEnabled
    }
  }
`;

export interface SchoolSettingsData {
  schools: { id: string; name: string; parentAccessEnabled: boolean | null }[] | null;
}

export const SET_PARENT_ACCESS_MUTATION = /* GraphQL */ `
  mutation SetParentAccess($enabled: Boolean!) {
    setParentAccess(enabled: $enabled) {
      school {
        id
        parentAccessEnabled
      }
      error {
        code
        message
        fields {
          field
          message
        }
      }
    }
  }
`;

export interface SetParentAccessData {
  setParentAccess: { school: { id: string; parentAccessEnabled: boolean | null } | null; error: MutationError | null };
}

export const ROLL_OVER_YEAR_MUTATION = /* GraphQL */ `
  mutation RollOverYear($input: RollOverYearInput!) {
    rollOverYear(input: $input) {
      promoted
      leavers
      error {
        code
        message
        fields {
          field
          message
        }
      }
    }
  }
`;

export interface RollOverYearData {
  rollOverYear: { promoted: number; leavers: number; error: MutationError | null };
}
