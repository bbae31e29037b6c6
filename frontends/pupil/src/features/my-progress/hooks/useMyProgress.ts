import { request, useQuery, type TypedDocument, type Variables } from '@waymark/graphql-client';
import { errorsAt } from '@waymark/ui';
import { useCallback } from 'react';
import {
  MY_PROGRESS_QUERY,
  RECORD_REFLECTION_MUTATION,
  SET_AGREED_ACTION_DONE_MUTATION,
  SET_CONSIDERING_HIGHER_EDUCATION_MUTATION,
  SET_INTERESTS_MUTATION,
  SUBMIT_OWN_ACTIVITY_MUTATION,
  type SubmitOwnActivityInput,
} from '../graphql/myProgress';

type Problem = string | null;

const message = (error: unknown, fallback: string) => (error instanceof Error ? error.message : fallback);

/** Sends a mutation; resolves with the problem to show, or null once it worked and the page has reloaded. */
async function run<Data, Vars extends Variables>(
  document: TypedDocument<Data, Vars>,
  variables: Vars,
  pick: (data: Data) => { error: { message: string } | null },
  fallback: string,
  reload: () => Promise<void>,
): Promise<Problem> {
  try {
    const result = pick(await request(document, variables));
    if (result.error) return result.error.message;
    await reload();
    return null;
  } catch (error) {
    return message(error, fallback);
  }
}

/** The signed-in pupil's progress, and what they can change on it. */
export function useMyProgress() {
  const query = useQuery(MY_PROGRESS_QUERY);
  const { refetch } = query;
  const record = query.data?.myPupilRecord ?? null;
  const errorsFor = useCallback(
    (field: string) => (query.error && !record ? query.error.errors : errorsAt(query.error, ['myPupilRecord', field])),
    [query.error, record],
  );

  const recordReflection = useCallback(
    (participationId: string, reflection: string) =>
      run(RECORD_REFLECTION_MUTATION, { input: { participationId, reflection } }, (data) => data.recordReflection, 'Your reflection was not saved.', refetch),
    [refetch],
  );
  const submitOwnActivity = useCallback(
    (input: SubmitOwnActivityInput) => run(SUBMIT_OWN_ACTIVITY_MUTATION, { input }, (data) => data.submitOwnActivity, 'Your activity was not sent.', refetch),
    [refetch],
  );
  const setActionDone = useCallback(
    (id: string, done: boolean) => run(SET_AGREED_ACTION_DONE_MUTATION, { id, done }, (data) => data.setAgreedActionDone, 'It was not saved.', refetch),
    [refetch],
  );
  const setInterests = useCallback(
    (hashtags: string[]) => run(SET_INTERESTS_MUTATION, { hashtags }, (data) => data.setInterests, 'Your interests were not saved.', refetch),
    [refetch],
  );
  const setConsidering = useCallback(
    (considering: boolean) =>
      record
        ? run(
            SET_CONSIDERING_HIGHER_EDUCATION_MUTATION,
            { pupilId: record.id, considering },
            (data) => data.setConsideringHigherEducation,
            'It was not saved.',
            refetch,
          )
        : Promise.resolve<Problem>('There is no record to change.'),
    [record, refetch],
  );

  return { ...query, record, errorsFor, recordReflection, submitOwnActivity, setActionDone, setInterests, setConsidering };
}
