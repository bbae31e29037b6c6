import { querySubgraph, type RequestContext } from '@waymark/subgraph-kit';
import type { PackedCohort } from './benchmarks.service.js';

/** The pupils subgraph's answer for a cohort: who is on roll, within what the caller may read. */
export interface Cohort {
  /** The schools asked for that the caller may read (every school of an analyst's trust when none were named). */
  schoolsAllowed: string[];
  pupilIds: string[];
  schoolIds: string[];
  yearGroups: number[];
  groupMasks: number[];
  tutorGroups?: (string | null)[];
  upns?: string[];
}

interface CohortArgs {
  schoolIds?: string[] | null;
  pupilIds?: string[] | null;
  asOf: string;
}

const ARGS = 'query ($schoolIds: [ID!], $pupilIds: [ID!], $asOf: String!)';
const variables = (args: CohortArgs) => ({ schoolIds: args.schoolIds ?? null, pupilIds: args.pupilIds ?? null, asOf: args.asOf });

/**
 * The pupils on roll on `asOf`, from the pupils subgraph's `cohort` (subgraph-to-subgraph only), asked
 * with the caller's own credential so the pupils subgraph applies the caller's tenancy. One request.
 */
export async function fetchCohort(ctx: RequestContext, pupilsUrl: string, args: CohortArgs, options: { details?: boolean } = {}): Promise<Cohort> {
  const details = options.details ? ' tutorGroups upns' : '';
  const data = await querySubgraph<{ cohort: Cohort }>(
    ctx,
    pupilsUrl,
    'Cohort lookup',
    `${ARGS} { cohort(schoolIds: $schoolIds, pupilIds: $pupilIds, asOf: $asOf) { schoolsAllowed pupilIds schoolIds yearGroups groupMasks${details} } }`,
    variables(args),
  );
  return data.cohort;
}

/** The same pupils packed for the benchmark engine (`packedCohort`): one request, nothing per pupil on either side. */
export async function fetchPackedCohort(ctx: RequestContext, pupilsUrl: string, args: CohortArgs): Promise<PackedCohort & { schoolsAllowed: string[] }> {
  const data = await querySubgraph<{ packedCohort: PackedCohort & { schoolsAllowed: string[] } }>(
    ctx,
    pupilsUrl,
    'Packed cohort lookup',
    `${ARGS} { packedCohort(schoolIds: $schoolIds, pupilIds: $pupilIds, asOf: $asOf) { schoolsAllowed size schoolIds pupilIds schoolIndexes yearGroups groupMasks } }`,
    variables(args),
  );
  return data.packedCohort;
}
