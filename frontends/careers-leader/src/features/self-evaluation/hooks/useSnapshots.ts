import { request, useQuery } from '@waymark/graphql-client';
import { useCallback } from 'react';
import { SELF_EVALUATION_SNAPSHOTS_QUERY, SELF_EVALUATION_SUMMARY_QUERY, TAKE_SELF_EVALUATION_SNAPSHOT_MUTATION } from '../graphql/self-evaluation';

/** What taking a snapshot answered: a sentence for the page, and whether it worked. */
export type TakeOutcome = { ok: boolean; message: string };

/** The snapshots kept of the school's self-evaluation (oldest first), and taking one now. */
export function useSnapshots() {
  const query = useQuery(SELF_EVALUATION_SNAPSHOTS_QUERY);
  const { refetch } = query;
  const take = useCallback(async (): Promise<TakeOutcome> => {
    try {
      const { takeSelfEvaluationSnapshot } = await request(TAKE_SELF_EVALUATION_SNAPSHOT_MUTATION, {});
      if (takeSelfEvaluationSnapshot.error) return { ok: false, message: takeSelfEvaluationSnapshot.error.message };
      await refetch();
      return { ok: true, message: 'Snapshot taken: today’s scores are kept and shown in the trend.' };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : 'The snapshot was not taken. Try again.' };
    }
  }, [refetch]);
  return { ...query, snapshots: query.data?.selfEvaluationSnapshots ?? [], take };
}

/** The eight scores and the snapshots, for the summary on the benchmark dashboard. */
export function useSelfEvaluationSummary() {
  const query = useQuery(SELF_EVALUATION_SUMMARY_QUERY);
  return { ...query, evaluation: query.data?.selfEvaluation ?? null, snapshots: query.data?.selfEvaluationSnapshots ?? [] };
}
