import { request, useQuery } from '@waymark/graphql-client';
import { errorsAt } from '@waymark/ui';
import { useCallback } from 'react';
import { MY_FUTURE_QUERY, RECORD_MY_ASPIRATION_MUTATION, RECORD_MY_INTENTION_MUTATION, type RecordIntentionInput } from '../graphql/myFuture';

/** What a save answers: null once it worked (and the page has reloaded), otherwise the message and the fields it names. */
export type SaveProblem = { message: string; fields: { field: string; message: string }[] } | null;

const problemOf = (error: unknown, fallback: string): SaveProblem => ({ message: error instanceof Error ? error.message : fallback, fields: [] });

/** The signed-in pupil's plans and hopes, and how they record new ones. */
export function useMyFuture() {
  const query = useQuery(MY_FUTURE_QUERY);
  const { refetch } = query;
  const record = query.data?.myPupilRecord ?? null;
  const errorsFor = useCallback(
    (field: string) => (query.error && !record ? query.error.errors : errorsAt(query.error, ['myPupilRecord', field])),
    [query.error, record],
  );

  const recordIntention = useCallback(
    async (input: RecordIntentionInput): Promise<SaveProblem> => {
      try {
        const { recordIntention: result } = await request(RECORD_MY_INTENTION_MUTATION, { input });
        if (result.error) return result.error;
        await refetch();
        return null;
      } catch (error) {
        return problemOf(error, 'Your plan was not saved.');
      }
    },
    [refetch],
  );
  const recordAspiration = useCallback(
    async (text: string, hashtags: string[]): Promise<SaveProblem> => {
      try {
        const { recordAspiration: result } = await request(RECORD_MY_ASPIRATION_MUTATION, { input: { text, hashtags } });
        if (result.error) return result.error;
        await refetch();
        return null;
      } catch (error) {
        return problemOf(error, 'Your hope was not saved.');
      }
    },
    [refetch],
  );

  return { ...query, record, errorsFor, recordIntention, recordAspiration };
}
