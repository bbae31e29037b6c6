import type { TypedDocument } from '@waymark/graphql-client';
import {
  PupilsDocument,
  PupilsInGroupsDocument,
  type PupilListFieldsFragment,
  type PupilsInGroupsQuery,
  type PupilsInGroupsQueryVariables,
  type VulnerableGroup,
} from '../../../gql/graphql';

// The documents are in pupils.graphql; these are their typed texts (frontends/README.md).
export const PUPILS_QUERY = PupilsDocument.toString();
export const PUPILS_IN_GROUPS_QUERY = PupilsInGroupsDocument.toString();

export type PupilRow = PupilListFieldsFragment['edges'][number]['node'];

export interface PupilFilters {
  yearGroup: number | null;
  tutorGroup: string;
  search: string;
  groups: readonly VulnerableGroup[];
}

/** Both documents answer the same list (`PupilListFields`); the plain one takes no `groups`. */
type PupilsRequest = { document: TypedDocument<PupilsInGroupsQuery, PupilsInGroupsQueryVariables>; variables: PupilsInGroupsQueryVariables };

/**
 * The document and variables for a page of the list. The group filter is only part of the request
 * when a group is ticked, so the plain list never depends on it.
 */
export function pupilsRequest(filters: PupilFilters, first: number, after: string | null): PupilsRequest {
  const variables = {
    first,
    after,
    yearGroup: filters.yearGroup,
    tutorGroup: filters.tutorGroup.trim() || null,
    search: filters.search.trim() || null,
  };
  if (filters.groups.length === 0) return { document: PUPILS_QUERY, variables };
  return { document: PUPILS_IN_GROUPS_QUERY, variables: { ...variables, groups: [...filters.groups] } };
}
