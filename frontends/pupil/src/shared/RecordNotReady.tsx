import type { GraphQLRequestError } from '@waymark/graphql-client';
import { ErrorPanel, Loading, Section } from '@waymark/ui';
import type { ReactNode } from 'react';

export interface RecordNotReadyProps {
  /** Who is signed in, for "there is no pupil record linked to …". */
  displayName: string;
  loading: boolean;
  /** Shown while loading, e.g. "Loading your plans…". */
  loadingLabel?: string;
  error: GraphQLRequestError | null;
  /** The heading over the error, e.g. "Your plans could not be loaded". */
  errorTitle: string;
  onRetry: () => void;
  /** Anything the page still offers without a record (such as downloading one's data). */
  children?: ReactNode;
}

/**
 * A pupil page before its record arrives, under the page's own heading: loading, the reason it
 * failed (with a retry), or that there is no pupil record. The page renders its PageHeader first in
 * both states, so the heading (which takes focus when the page opens) stays the same element when
 * the record arrives.
 */
export function RecordNotReady({ displayName, loading, loadingLabel, error, errorTitle, onRetry, children }: RecordNotReadyProps) {
  return (
    <>
      {loading && loadingLabel ? <Loading label={loadingLabel} /> : null}
      {!loading && error ? (
        <ErrorPanel title={errorTitle} onRetry={onRetry}>
          {error.message}
        </ErrorPanel>
      ) : null}
      {!loading && !error ? (
        <Section title="No pupil record yet">
          <p>There is no pupil record linked to {displayName}'s account. If you think this is wrong, ask your school's careers leader.</p>
        </Section>
      ) : null}
      {children}
    </>
  );
}
