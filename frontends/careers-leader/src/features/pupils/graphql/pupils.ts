import type { Connection } from '../../../shared/types';

export const PUPILS_QUERY = /* GraphQL */ `
  query Pupils($first: Int, $after: String, $yearGroup: Int, $search: String) {
    pupils(first: $first, after: $after, yearGroup: $yearGroup, search: $search) {
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
  search?: string | null;
}

export interface PupilsData {
  pupils: Connection<PupilRow>;
}
