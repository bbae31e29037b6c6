/** One part of the export, as each subgraph gives it: sections of rows as it stores them. */
export interface SubjectAccessPart {
  source: string;
  sections: { title: string; rows: Record<string, unknown>[] }[];
}

/** Every subgraph's part, gathered through the gateway in one request (and recorded as one export). */
export const SUBJECT_ACCESS_QUERY = /* GraphQL */ `
  query SubjectAccess($id: ID!) {
    pupil(id: $id) {
      id
      displayName
      pupilsSubjectAccess
      encountersSubjectAccess
      destinationsSubjectAccess
    }
  }
`;

export interface SubjectAccessData {
  pupil: {
    id: string;
    displayName: string;
    pupilsSubjectAccess: SubjectAccessPart | null;
    encountersSubjectAccess: SubjectAccessPart | null;
    destinationsSubjectAccess: SubjectAccessPart | null;
  } | null;
}
