export const OVERVIEW_QUERY = /* GraphQL */ `
  query CareersOverview {
    schools {
      name
      pupilCount
      encounterCount
    }
    destinationSummary {
      kindLabel
      count
    }
  }
`;

export interface OverviewData {
  schools: { name: string; pupilCount: number | null; encounterCount: number | null }[] | null;
  destinationSummary: { kindLabel: string; count: number }[] | null;
}
