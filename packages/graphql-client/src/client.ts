import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

/** One entry of a GraphQL response's `errors` list. */
export interface GraphQLErrorItem {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export type Variables = Record<string, unknown>;

/**
 * A document as GraphQL Code Generator types it: text at run time, carrying the types of its result
 * and variables, so `request`, `useQuery` and `useMutation` infer both from the document alone.
 */
export type TypedDocument<TData, TVariables extends Variables = Variables> = DocumentTypeDecoration<TData, TVariables>;

interface GraphQLResponseBody<TData> {
  data?: TData | null;
  errors?: GraphQLErrorItem[];
}

/**
 * A GraphQL call that did not fully succeed: the response carried `errors`, the HTTP status was not
 * OK, or the server could not be reached. `data` keeps whatever partial result came back.
 */
export class GraphQLRequestError<TData = unknown> extends Error {
  readonly errors: GraphQLErrorItem[];
  readonly status: number | null;
  readonly data: TData | null;

  constructor(errors: GraphQLErrorItem[], options: { status?: number | null; data?: TData | null } = {}) {
    super(errors[0]?.message ?? 'The request failed');
    this.name = 'GraphQLRequestError';
    this.errors = errors;
    this.status = options.status ?? null;
    this.data = options.data ?? null;
  }

  /** The distinct `extensions.code` values of the errors, e.g. `UNAUTHENTICATED`. */
  get codes(): string[] {
    const codes = this.errors.map((error) => error.extensions?.code).filter((code): code is string => !!code);
    return [...new Set(codes)];
  }

  hasCode(code: string): boolean {
    return this.codes.includes(code);
  }
}

export const NETWORK_ERROR = 'NETWORK_ERROR';
export const UNAUTHENTICATED = 'UNAUTHENTICATED';

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof GraphQLRequestError && (error.hasCode(UNAUTHENTICATED) || error.status === 401);
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Defaults to the same-origin `/graphql`. */
  endpoint?: string;
}

export const GRAPHQL_ENDPOINT = '/graphql';

/**
 * Sends one GraphQL operation and resolves with `data`, or rejects with a `GraphQLRequestError`.
 * The variables are checked against the document's, never inferred from the call.
 */
export async function request<TData, TVariables extends Variables = Variables>(
  document: TypedDocument<TData, TVariables>,
  variables?: NoInfer<TVariables>,
  options: RequestOptions = {},
): Promise<TData> {
  let response: Response;
  try {
    response = await fetch(options.endpoint ?? GRAPHQL_ENDPOINT, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: String(document), variables: variables ?? {} }),
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new GraphQLRequestError([{ message: 'Waymark could not be reached. Check your connection and try again.', extensions: { code: NETWORK_ERROR } }]);
  }

  const body = await readBody<TData>(response);
  if (body?.errors?.length) {
    throw new GraphQLRequestError<TData>(body.errors, { status: response.status, data: body.data ?? null });
  }
  if (!response.ok || !body || body.data == null) {
    const code = response.status === 401 ? UNAUTHENTICATED : `HTTP_${response.status}`;
    throw new GraphQLRequestError<TData>([{ message: `The server answered ${response.status} ${response.statusText}`.trim(), extensions: { code } }], {
      status: response.status,
    });
  }
  return body.data;
}

async function readBody<TData>(response: Response): Promise<GraphQLResponseBody<TData> | null> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return (await response.json()) as GraphQLResponseBody<TData>;
  } catch {
    return null;
  }
}

export const MISSING_DATA = 'MISSING_DATA';

/**
 * A root field's value, for callers that need it whole. Every root field is nullable, so that one
 * slow or failed subgraph nulls only its own fields; its error normally arrives in the same answer
 * (and `request` rejects with it), so this only guards an answer that has the null without one.
 */
export function required<T>(value: T | null | undefined): T {
  if (value == null) throw new GraphQLRequestError([{ message: 'Part of the answer is missing. Try again in a moment.', extensions: { code: MISSING_DATA } }]);
  return value;
}
