import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { CLIENT_SAFE_ERROR_CODES as PASS_THROUGH, MASKED_MESSAGE } from '@waymark/auth';
import { AuthorizationError, AuthenticationError, ArgumentValidationError } from 'type-graphql';

/** The GraphQL error codes a client may see. Anything else is masked as INTERNAL_SERVER_ERROR. */
export type ErrorKind = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

/**
 * Base of every module's domain error (`PupilError`, `EncounterError`, ...). `code` is the module's
 * own enum value; `kind` decides the GraphQL error code the client sees.
 */
export class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: Code,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class AccessError extends DomainError<'FORBIDDEN' | 'UNAUTHENTICATED'> {
  static forbidden(message = 'You do not have access to this.'): AccessError {
    return new AccessError('FORBIDDEN', 'FORBIDDEN', message);
  }
  static unauthenticated(message = 'Sign in first.'): AccessError {
    return new AccessError('UNAUTHENTICATED', 'UNAUTHENTICATED', message);
  }
}

/** Input a resolver cannot act on at all (a malformed day, an unknown id); forms get MutationError instead. */
export class InputError extends DomainError<'BAD_USER_INPUT'> {
  static invalid(message: string): InputError {
    return new InputError('BAD_USER_INPUT', 'BAD_USER_INPUT', message);
  }
}

export { MASKED_MESSAGE };

/** The one place that turns thrown errors into what a client may see. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { code: original.kind, reason: original.code } };
  }
  if (original instanceof AuthorizationError) {
    return { ...base, message: 'You do not have access to this.', extensions: { code: 'FORBIDDEN' } };
  }
  if (original instanceof AuthenticationError) {
    return { ...base, message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } };
  }
  if (original instanceof ArgumentValidationError) {
    return { ...base, message: 'Some input is not valid.', extensions: { code: 'BAD_USER_INPUT' } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH.has(code)) {
    return { ...base, message: formatted.message, extensions: { code } };
  }
  return { ...base, message: MASKED_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

export function isExpected(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError || original instanceof AuthorizationError) return true;
  if (original instanceof AuthenticationError || original instanceof ArgumentValidationError) return true;
  return original instanceof GraphQLError && typeof original.extensions?.code === 'string' && PASS_THROUGH.has(original.extensions.code);
}
