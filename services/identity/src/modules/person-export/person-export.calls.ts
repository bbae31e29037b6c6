import type { SubgraphDocument } from '@waymark/subgraph-kit';

/*
 * What a staff-started export asks the pupils and employers subgraphs, with the caller's own credential
 * (their schema.graphql has the fields, marked @inaccessible: not part of the public API).
 */

class Document<TResult, TVariables extends Record<string, unknown>> extends String implements SubgraphDocument<TResult, TVariables> {
  declare __apiType?: (variables: TVariables) => TResult;
}

export const RecordPersonSubjectAccessDocument = new Document<
  { recordPersonSubjectAccess: { recorded: number; childPupilIdsAtSchool: string[]; error: { code: string } | null } },
  { input: { accountId: string; displayName: string; kind: 'PARENT_OR_CARER' | 'VOLUNTEER'; childPupilIds: string[] } }
>(`mutation RecordPersonSubjectAccess($input: RecordPersonSubjectAccessInput!) {
  recordPersonSubjectAccess(input: $input) { recorded childPupilIdsAtSchool error { code } }
}`);

export const VolunteerOfMySchoolDocument = new Document<{ volunteerOfMySchool: boolean }, { volunteerId: string }>(
  `query VolunteerOfMySchool($volunteerId: ID!) { volunteerOfMySchool(volunteerId: $volunteerId) }`,
);
