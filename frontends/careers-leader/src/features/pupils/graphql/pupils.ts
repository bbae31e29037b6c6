import type { Connection } from '../../../shared/types';
import type { VulnerableGroup } from '../../../shared/vulnerableGroups';

const PUPIL_ROW_FIELDS = /* GraphQL */ `
  totalCount
  pageInfo {
    hasNextPage
    endCursor
  }
  edges {
    cursor
    node {
      id
      displayName
      yearGroup
      tutorGroup
    }
  }
`;

export const PUPILS_QUERY = /* GraphQL */ `
  query Pupils($first: Int, $after: String, $yearGroup: Int, $tutorGroup: String, $search: String) {
    pupils(first: $first, after: $after, yearGroup: $yearGroup, tutorGroup: $tutorGroup, search: $search) {
      ${PUPIL_ROW_FIELDS}
    }
  }
`;

/** The same list narrowed to pupils in every one of `groups`. */
export const PUPILS_IN_GROUPS_QUERY = /* GraphQL */ `
  query PupilsInGroups($first: Int, $after: String, $yearGroup: Int, $tutorGroup: String, $search: String, $groups: [VulnerableGroup!]) {
    pupils(first: $first, after: $after, yearGroup: $yearGroup, tutorGroup: $tutorGroup, search: $search, groups: $groups) {
      ${PUPIL_ROW_FIELDS}
    }
  }
`;

export interface PupilRow {
  id: string;
  displayName: string;
  yearGroup: number | null;
  tutorGroup: string | null;
}

export interface PupilsVariables {
  [name: string]: unknown;
  first: number;
  after?: string | null;
  yearGroup?: number | null;
  tutorGroup?: string | null;
  search?: string | null;
  groups?: VulnerableGroup[];
}

export interface PupilsData {
  pupils: Connection<PupilRow> | null;
}

export interface PupilFilters {
  yearGroup: number | null;
  tutorGroup: string;
  search: string;
  groups: readonly VulnerableGroup[];
}

/**
 * The document and variables for a page of the list. The group filter is only part of the request
 * when a group is ticked, so the plain list never depends on it.
 */
export function pupilsRequest(filters: PupilFilters, first: number, after: string | null): { document: string; variables: PupilsVariables } {
  const variables: PupilsVariables = {
    first,
    after,
    yearGroup: filters.yearGroup,
    tutorGroup: filters.tutorGroup.trim() || null,
    search: filters.search.trim() || null,
  };
  if (filters.groups.length === 0) return { document: PUPILS_QUERY, variables };
  return { document: PUPILS_IN_GROUPS_QUERY, variables: { ...variables, groups: [...filters.groups] } };
}
