import type { SubgraphDocument } from '@waymark/subgraph-kit';

/* What this module asks the pupils subgraph, with the caller's own credential: the name of their school. */

class Document<TResult, TVariables extends Record<string, unknown>> extends String implements SubgraphDocument<TResult, TVariables> {
  declare __apiType?: (variables: TVariables) => TResult;
}

export const CallerSchoolsDocument = new Document<{ schools: { id: string; name: string }[] | null }, Record<string, never>>(
  `query CallerSchools { schools { id name } }`,
);
