import { useCallback, useEffect, useRef, useState } from 'react';
import { GraphQLRequestError, request, type TypedDocument, type Variables } from './client.js';

export interface QueryState<TData> {
  data: TData | null;
  error: GraphQLRequestError<TData> | null;
  loading: boolean;
  refetch: () => Promise<void>;
}

export interface QueryOptions {
  /** Do not send the query (yet), e.g. while a required variable is still missing. */
  skip?: boolean;
}

function toRequestError<TData>(error: unknown): GraphQLRequestError<TData> {
  if (error instanceof GraphQLRequestError) return error as GraphQLRequestError<TData>;
  const message = error instanceof Error ? error.message : 'Something went wrong';
  return new GraphQLRequestError<TData>([{ message }]);
}

/**
 * Runs a query when the component mounts and whenever the variables change (compared by value).
 * Partial data that arrives together with errors is kept in `data`.
 */
export function useQuery<TData, TVariables extends Variables = Variables>(
  typedDocument: TypedDocument<TData, TVariables>,
  variables?: NoInfer<TVariables>,
  options: QueryOptions = {},
): QueryState<TData> {
  // Compared as text, so a document rebuilt on every render does not send the query again.
  const document = String(typedDocument) as string & TypedDocument<TData, TVariables>;
  const variablesKey = JSON.stringify(variables ?? {});
  const skip = options.skip ?? false;
  const [state, setState] = useState<Omit<QueryState<TData>, 'refetch'>>({ data: null, error: null, loading: !skip });
  // Only the newest request may write its answer, so a slow earlier response cannot win a race.
  const latest = useRef(0);

  const run = useCallback(async () => {
    const id = ++latest.current;
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const data = await request(document, JSON.parse(variablesKey) as TVariables);
      if (id === latest.current) setState({ data, error: null, loading: false });
    } catch (error) {
      const requestError = toRequestError<TData>(error);
      if (id === latest.current) setState({ data: requestError.data, error: requestError, loading: false });
    }
  }, [document, variablesKey]);

  useEffect(() => {
    if (skip) {
      latest.current++;
      setState({ data: null, error: null, loading: false });
      return;
    }
    void run();
    // A request counter, not a rendered node: bumping the same ref on cleanup is the point.
    const counter = latest;
    return () => {
      counter.current++;
    };
  }, [run, skip]);

  return { ...state, refetch: run };
}

export interface MutationState<TData> {
  data: TData | null;
  error: GraphQLRequestError<TData> | null;
  loading: boolean;
}

export interface MutationResult<TData> {
  data: TData | null;
  error: GraphQLRequestError<TData> | null;
}

export type MutationRunner<TData, TVariables extends Variables> = (variables: TVariables) => Promise<MutationResult<TData>>;

/** Returns a function that sends the mutation; it resolves with `{ data, error }` and never rejects. */
export function useMutation<TData, TVariables extends Variables = Variables>(
  typedDocument: TypedDocument<TData, TVariables>,
): [MutationRunner<TData, TVariables>, MutationState<TData>] {
  const document = String(typedDocument) as string & TypedDocument<TData, TVariables>;
  const [state, setState] = useState<MutationState<TData>>({ data: null, error: null, loading: false });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (variables: TVariables): Promise<MutationResult<TData>> => {
      setState((previous) => ({ ...previous, loading: true, error: null }));
      let result: MutationResult<TData>;
      try {
        result = { data: await request(document, variables), error: null };
      } catch (error) {
        const requestError = toRequestError<TData>(error);
        result = { data: requestError.data, error: requestError };
      }
      if (mounted.current) setState({ ...result, loading: false });
      return result;
    },
    [document],
  );

  return [run, state];
}
