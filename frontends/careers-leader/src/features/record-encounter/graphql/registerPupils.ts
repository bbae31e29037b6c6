export const REGISTER_PUPILS_QUERY = /* GraphQL */ `
  query RegisterPupils($yearGroup: Int!, $first: Int!) {
    pupils(yearGroup: $yearGroup, first: $first) {
      totalCount
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

/** The register lists at most this many pupils per year group. */
export const REGISTER_PAGE_SIZE = 200;

export interface RegisterPupil {
  id: string;
  displayName: string;
  yearGroup: number | null;
  tutorGroup: string | null;
}

export interface RegisterPupilsData {
  pupils: { totalCount: number; edges: { node: RegisterPupil }[] } | null;
}
