import {
  currentPupilIds,
  isCurrentSchoolStaff,
  querySubgraph,
  recordScopes,
  remoteAuditSink,
  type AuditEntry,
  type AuditSink,
  type RecordScope,
  type RequestContext,
} from '@waymark/subgraph-kit';
import type { PackedCohort } from '../benchmarks/benchmarks.service.js';

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

export interface CohortArgs {
  schoolIds?: string[] | null;
  pupilIds?: string[] | null;
  asOf: string;
}

const ARGS = 'query ($schoolIds: [ID!], $pupilIds: [ID!], $asOf: String!)';
const variables = (args: CohortArgs) => ({ schoolIds: args.schoolIds ?? null, pupilIds: args.pupilIds ?? null, asOf: args.asOf });

/**
 * Everything this subgraph asks the pupils subgraph, at the address its app was configured with.
 * Every call is made with the caller's own credential (from `ctx`), so the pupils subgraph applies the
 * caller's tenancy, and any failure throws, so the fields fail closed. Each method is one request.
 */
export class PupilsClient {
  private readonly auditSink: AuditSink;

  constructor(readonly url: string) {
    this.auditSink = remoteAuditSink(url, 'encounters');
  }

  /** The pupils on roll on `asOf`, from the pupils subgraph's `cohort` (subgraph-to-subgraph only). */
  async fetchCohort(ctx: RequestContext, args: CohortArgs, options: { details?: boolean } = {}): Promise<Cohort> {
    const details = options.details ? ' tutorGroups upns' : '';
    const data = await querySubgraph<{ cohort: Cohort }>(
      ctx,
      this.url,
      'Cohort lookup',
      `${ARGS} { cohort(schoolIds: $schoolIds, pupilIds: $pupilIds, asOf: $asOf) { schoolsAllowed pupilIds schoolIds yearGroups groupMasks${details} } }`,
      variables(args),
    );
    return data.cohort;
  }

  /** The same pupils packed for the benchmark engine (`packedCohort`): nothing per pupil on either side. */
  async fetchPackedCohort(ctx: RequestContext, args: CohortArgs): Promise<PackedCohort & { schoolsAllowed: string[] }> {
    const data = await querySubgraph<{ packedCohort: PackedCohort & { schoolsAllowed: string[] } }>(
      ctx,
      this.url,
      'Packed cohort lookup',
      `${ARGS} { packedCohort(schoolIds: $schoolIds, pupilIds: $pupilIds, asOf: $asOf) { schoolsAllowed size schoolIds pupilIds schoolIndexes yearGroups groupMasks } }`,
      variables(args),
    );
    return data.packedCohort;
  }

  /** How much of each pupil's history the caller may read here (`Pupil.recordAccess`; a pupil about themself asks nothing). */
  recordAccess(ctx: RequestContext, pupilIds: readonly string[]): Promise<Map<string, RecordScope>> {
    return recordScopes(ctx, this.url, pupilIds);
  }

  /** The pupils among `ids` whose current school the caller acts for: who may be written about. */
  currentPupilIds(ctx: RequestContext, ids: readonly string[]): Promise<Set<string>> {
    return currentPupilIds(ctx, this.url, ids);
  }

  /** Whether the caller is staff of the pupil's current school. */
  isCurrentSchoolStaff(ctx: RequestContext, pupilId: string): Promise<boolean> {
    return isCurrentSchoolStaff(ctx, this.url, pupilId);
  }

  /** Writes a request's audit entries to the pupils subgraph's trail (docs/audit-trail.md). */
  recordAudit(ctx: RequestContext, entries: AuditEntry[]): Promise<void> {
    return this.auditSink(ctx, entries);
  }
}
