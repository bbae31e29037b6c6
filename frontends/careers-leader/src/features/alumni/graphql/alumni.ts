import type { AlumniAwaitingConfirmationQuery } from '../../../gql/graphql';

// The documents are in alumni.graphql; these are their typed forms (frontends/README.md).
export { AlumniAwaitingConfirmationDocument, DecideAlumnusDocument } from '../../../gql/graphql';

export type AwaitingAlumnus = NonNullable<AlumniAwaitingConfirmationQuery['alumniAwaitingConfirmation']>[number];
