import { request, useQuery } from '@waymark/graphql-client';
import { useCallback } from 'react';
import {
  REMOVE_SELF_EVALUATION_ANSWER_MUTATION,
  SELF_EVALUATION_QUERY,
  SET_SELF_EVALUATION_ANSWER_MUTATION,
  type SelfEvaluationAnswer,
} from '../graphql/self-evaluation';

/** What a save answers: null once it worked (and the page has reloaded), otherwise the message and the fields it names. */
export type SaveProblem = { message: string; fields: { field: string; message: string }[] } | null;

const failed = (error: unknown, fallback: string): SaveProblem => ({ message: error instanceof Error ? error.message : fallback, fields: [] });

/** The school's self-evaluation, and the leader's answers to its areas. */
export function useSelfEvaluation() {
  const query = useQuery(SELF_EVALUATION_QUERY);
  const { refetch } = query;
  const answer = useCallback(
    async (areaKey: string, state: SelfEvaluationAnswer, reason: string): Promise<SaveProblem> => {
      try {
        const { setSelfEvaluationAnswer } = await request(SET_SELF_EVALUATION_ANSWER_MUTATION, { input: { areaKey, state, reason } });
        if (setSelfEvaluationAnswer.error) return { message: setSelfEvaluationAnswer.error.message, fields: setSelfEvaluationAnswer.error.fields };
        await refetch();
        return null;
      } catch (error) {
        return failed(error, 'Your answer was not saved. Try again.');
      }
    },
    [refetch],
  );
  const removeAnswer = useCallback(
    async (areaKey: string): Promise<SaveProblem> => {
      try {
        const { removeSelfEvaluationAnswer } = await request(REMOVE_SELF_EVALUATION_ANSWER_MUTATION, { areaKey });
        if (removeSelfEvaluationAnswer.error) return { message: removeSelfEvaluationAnswer.error.message, fields: [] };
        await refetch();
        return null;
      } catch (error) {
        return failed(error, 'Your answer was not removed. Try again.');
      }
    },
    [refetch],
  );
  return { ...query, evaluation: query.data?.selfEvaluation ?? null, answer, removeAnswer };
}
