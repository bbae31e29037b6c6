import { querySubgraph, type RequestContext } from '@waymark/subgraph-kit';
import type { CohortArrays } from './engine.service.js';

export interface Cohort extends CohortArrays {
  /** The schools asked for that the caller may read (every school of an analyst's trust when none were named). */
  schoolsAllowed: string[];
  tutorGroups?: (string | null)[];
  upns?: string[];
}

/**
 * The pupils on roll on `asOf`, from the pupils subgraph's `cohort` (subgraph-to-subgraph only), asked
 * with the caller's own credential so the pupils subgraph applies the caller's tenancy. One request.
 */
export async function fetchCohort(
  ctx: RequestContext,
  pupilsUrl: string,
  args: { schoolIds?: string[] | null; pupilIds?: string[] | null; asOf: string },
  options: { details?: boolean } = {},
): Promise<Cohort> {
  const details = options.details ? ' tutorGroups upns' : '';
  const data = await querySubgraph<{ cohort: Cohort }>(
    ctx,
    pupilsUrl,
    'Cohort lookup',
    `query ($schoolIds: [ID!], $pupilIds: [ID!], $asOf: String!) { cohort(schoolIds: $schoolIds, pupilIds: $pupilIds, asOf: $asOf) { schoolsAllowed pupilIds schoolIds yearGroups groupMasks${details} } }`,
    { schoolIds: args.schoolIds ?? null, pupilIds: args.pupilIds ?? null, asOf: args.asOf },
  );
  return data.cohort;
}
