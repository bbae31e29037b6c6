import { request, useQuery } from '@waymark/graphql-client';
import { errorsAt } from '@waymark/ui';
import { useCallback } from 'react';
import type { VulnerableGroup } from '../../../shared/vulnerableGroups';
import {
  DESTINATION_ANALYTICS_QUERY,
  DESTINATIONS_WORKLIST_QUERY,
  INTENTION_GAP_LISTS_QUERY,
  INTENTION_RETURN_AUTHORITIES_QUERY,
  LEAVER_DESTINATIONS_QUERY,
  RECORD_ACTIVITY_SPELL_MUTATION,
  SUSTAINED_SUMMARY_QUERY,
  type RecordActivitySpellInput,
} from '../graphql/destinations';

/** What a save answers: null once it worked (and the page has reloaded), otherwise the message and the fields it names. */
export type SaveProblem = { message: string; fields: { field: string; message: string }[] } | null;

/** The Year 11 and Year 13 pupils with no plan yet. */
export function useIntentionGaps() {
  return useQuery(INTENTION_GAP_LISTS_QUERY);
}

/** The local authorities the school's Year 11 and 12 pupils live in, one return each. */
export function useReturnAuthorities() {
  return useQuery(INTENTION_RETURN_AUTHORITIES_QUERY);
}

/** Sustained figures by leaving year and destination year. */
export function useSustainedSummary() {
  return useQuery(SUSTAINED_SUMMARY_QUERY);
}

/** Destination figures: the caller's school (staff), or with no school every school of the trust and its total (analysts); `group` beside all leavers. */
export function useDestinationAnalytics(group: VulnerableGroup | null, schoolId?: string) {
  return useQuery(DESTINATION_ANALYTICS_QUERY, { group, schoolId: schoolId ?? null });
}

/** The leavers to follow up today. */
export function useWorklist() {
  return useQuery(DESTINATIONS_WORKLIST_QUERY);
}

/** One young person's spells and computed destinations, and recording a new spell. */
export function useLeaverDestinations(pupilId: string) {
  const query = useQuery(LEAVER_DESTINATIONS_QUERY, { id: pupilId });
  const { refetch } = query;
  const pupil = query.data?.pupil ?? null;
  const errorsFor = useCallback(
    (field: string) => (query.error && !pupil ? query.error.errors : errorsAt(query.error, ['pupil', field])),
    [query.error, pupil],
  );
  const recordSpell = useCallback(
    async (input: RecordActivitySpellInput): Promise<SaveProblem> => {
      try {
        const { recordActivitySpell } = await request(RECORD_ACTIVITY_SPELL_MUTATION, { input });
        if (recordActivitySpell.error) return recordActivitySpell.error;
        await refetch();
        return null;
      } catch (error) {
        return { message: error instanceof Error ? error.message : 'The spell was not recorded.', fields: [] };
      }
    },
    [refetch],
  );
  return { ...query, pupil, errorsFor, recordSpell };
}
