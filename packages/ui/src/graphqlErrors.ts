import type { GraphQLErrorItem, GraphQLRequestError } from '@waymark/graphql-client';

// Kept here rather than in @waymark/graphql-client: the client is a module-federation singleton, so
// a remote deployed ahead of the shell would get the shell's older copy without it. This package is
// bundled into each remote.

/** The errors of a response that are about `path` or anything under it, e.g. `['pupil', 'flags']`. */
export function errorsAt(error: GraphQLRequestError | null | undefined, path: readonly (string | number)[]): GraphQLErrorItem[] {
  if (!error) return [];
  return error.errors.filter((item) => item.path && path.every((segment, index) => item.path![index] === segment));
}

/** True when the error stopped the caller reading the field: FORBIDDEN (or UNAUTHENTICATED). */
export function isForbidden(items: readonly GraphQLErrorItem[]): boolean {
  return items.some((item) => item.extensions?.code === 'FORBIDDEN' || item.extensions?.code === 'UNAUTHENTICATED');
}
