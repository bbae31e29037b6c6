import { request, useQuery } from '@waymark/graphql-client';
import { useCallback } from 'react';
import {
  COPY_PROGRAMME_PLAN_FORWARD_MUTATION,
  CREATE_PLAN_ITEM_MUTATION,
  DELETE_PLAN_ITEM_MUTATION,
  LINK_PLAN_ENCOUNTER_MUTATION,
  PROGRAMME_PLAN_QUERY,
  UNLINK_PLAN_ENCOUNTER_MUTATION,
  UPDATE_PLAN_ITEM_MUTATION,
  type PlanItemInput,
} from '../graphql/programme';

/** What a change answers: null once it worked (and the plan has reloaded), otherwise the message and the fields it names. */
export type SaveProblem = { message: string; fields: { field: string; message: string }[] } | null;

const failed = (error: unknown, fallback: string): SaveProblem => ({ message: error instanceof Error ? error.message : fallback, fields: [] });

/** The school's plan for an academic year, and the changes a careers leader or member of staff makes to it. */
export function useProgrammePlan(academicYear: number) {
  const query = useQuery(PROGRAMME_PLAN_QUERY, { academicYear });
  const { refetch } = query;

  const run = useCallback(
    async (
      send: () => Promise<{ error: { message: string; fields: { field: string; message: string }[] } | null }>,
      fallback: string,
    ): Promise<SaveProblem> => {
      try {
        const { error } = await send();
        if (error) return { message: error.message, fields: error.fields };
        await refetch();
        return null;
      } catch (error) {
        return failed(error, fallback);
      }
    },
    [refetch],
  );

  const create = useCallback(
    (input: PlanItemInput) =>
      run(async () => (await request(CREATE_PLAN_ITEM_MUTATION, { input })).createPlanItem, 'The planned activity was not saved. Try again.'),
    [run],
  );
  const update = useCallback(
    (id: string, input: PlanItemInput) =>
      run(async () => (await request(UPDATE_PLAN_ITEM_MUTATION, { input: { ...input, id } })).updatePlanItem, 'The change was not saved. Try again.'),
    [run],
  );
  const remove = useCallback(
    (id: string) => run(async () => (await request(DELETE_PLAN_ITEM_MUTATION, { id })).deletePlanItem, 'The planned activity was not removed. Try again.'),
    [run],
  );
  const link = useCallback(
    (itemId: string, encounterId: string) =>
      run(
        async () => (await request(LINK_PLAN_ENCOUNTER_MUTATION, { input: { itemId, encounterId } })).linkPlanEncounter,
        'The encounter was not linked. Try again.',
      ),
    [run],
  );
  const unlink = useCallback(
    (itemId: string, encounterId: string) =>
      run(
        async () => (await request(UNLINK_PLAN_ENCOUNTER_MUTATION, { input: { itemId, encounterId } })).unlinkPlanEncounter,
        'The encounter was not unlinked. Try again.',
      ),
    [run],
  );
  const copyForward = useCallback(async (): Promise<{ copied: number; alreadyCopied: number } | SaveProblem> => {
    try {
      const { copyProgrammePlanForward: answer } = await request(COPY_PROGRAMME_PLAN_FORWARD_MUTATION, { academicYear });
      if (answer.error) return { message: answer.error.message, fields: answer.error.fields };
      await refetch();
      return { copied: answer.copied, alreadyCopied: answer.alreadyCopied };
    } catch (error) {
      return failed(error, "Last year's plan was not copied. Try again.");
    }
  }, [academicYear, refetch]);

  return { ...query, plan: query.data?.programmePlan ?? null, create, update, remove, link, unlink, copyForward };
}
