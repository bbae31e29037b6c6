export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<Node> {
  edges: { cursor?: string; node: Node }[];
  pageInfo?: PageInfo;
  totalCount?: number;
}

/** A row of the encounters list, and what `createEncounter` hands back. */
export interface EncounterSummary {
  id: string;
  title: string;
  kindLabel: string;
  date: string;
  yearGroups: number[];
  attendedCount: number;
  invitedCount: number;
}

export const ENCOUNTER_SUMMARY_FIELDS = /* GraphQL */ `
  id
  title
  kindLabel
  date
  yearGroups
  attendedCount
  invitedCount
`;

/** What a mutation's result carries when it did not do what was asked. */
export interface MutationError {
  code: string;
  message: string;
  fields: { field: string; message: string }[];
}
