import { request, useQuery } from '@waymark/graphql-client';
import { errorsAt } from '@waymark/ui';
import { useCallback } from 'react';
import { ADD_RECORD_COMMENT_MUTATION, PUPIL_RECORD_QUERY } from '../graphql/pupilRecord';

/** One pupil's whole record, and the parts of it that did not arrive (by field). */
export function usePupilRecord(pupilId: string) {
  const query = useQuery(PUPIL_RECORD_QUERY, { id: pupilId });
  const pupil = query.data?.pupil ?? null;
  const errorsFor = useCallback((field: string) => errorsAt(query.error, ['pupil', field]), [query.error]);

  /** Resolves with a message when the comment was not added. */
  const addComment = useCallback(
    async (body: string): Promise<string | null> => {
      try {
        const { addRecordComment } = await request(ADD_RECORD_COMMENT_MUTATION, { input: { pupilId, body } });
        if (addRecordComment.error || !addRecordComment.comment) return addRecordComment.error?.message ?? 'The comment was not added.';
        await query.refetch();
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : 'The comment was not added.';
      }
    },
    [pupilId, query],
  );

  // The whole request failed (rather than some fields) when there is no pupil to show.
  const fatal = !pupil && query.error ? query.error : null;
  return { ...query, pupil, errorsFor, fatal, addComment };
}
