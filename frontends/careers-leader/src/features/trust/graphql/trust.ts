export const TRUST_SCHOOLS_QUERY = /* GraphQL */ `
  query TrustSchools {
    schools {
      id
      name
      pupilCount
      encounterCount
    }
  }
`;

export interface TrustSchool {
  id: string;
  name: string;
  pupilCount: number | null;
  encounterCount: number | null;
}

export interface TrustSchoolsData {
  schools: TrustSchool[] | null;
}

export const SCHOOL_DESTINATIONS_QUERY = /* GraphQL */ `
  query SchoolDestinations($schoolId: ID) {
    destinationSummary(schoolId: $schoolId) {
      kind
      kindLabel
      count
    }
  }
`;

export interface SchoolDestinationsData {
  destinationSummary: { kind: string; kindLabel: string; count: number }[] | null;
}
