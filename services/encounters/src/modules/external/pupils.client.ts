import {
  currentPupilIds,
  mayExportPupil,
  querySubgraph,
  recordScopes,
  remoteAuditSink,
  type AuditEntry,
  type AuditSink,
  type RecordScope,
  type RequestContext,
} from '@waymark/subgraph-kit';
import {
  CohortDocument,
  CohortVersionDocument,
  OwnSchoolDocument,
  PackedCohortDocument,
  SchoolCohortAndNameDocument,
  VolunteerPupilNamesDocument,
  type CohortQuery,
  type CohortVersionQuery,
  type PackedCohortColumnsFragment,
} from './pupils.generated.js';

/**
 * The pupils subgraph's answer for a cohort: who is on roll, within what the caller may read
 * (`schoolsAllowed`: the schools asked for that the caller may read, every school of an analyst's
 * trust when none were named). Typed from its schema (pupils.graphql).
 */
export type Cohort = CohortQuery['cohort'];

/** The same pupils packed for the benchmark engine (`packedCohort`). */
export type PackedCohortAnswer = PackedCohortColumnsFragment;

export interface CohortArgs {
  schoolIds?: string[] | null;
  pupilIds?: string[] | null;
  asOf: string;
}

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
    const data = await querySubgraph(ctx, this.url, 'Cohort lookup', CohortDocument, { ...variables(args), details: options.details ?? false });
    return data.cohort;
  }

  /** The same pupils packed for the benchmark engine (`packedCohort`): nothing per pupil on either side. */
  async fetchPackedCohort(ctx: RequestContext, args: CohortArgs): Promise<PackedCohortAnswer> {
    const data = await querySubgraph(ctx, this.url, 'Packed cohort lookup', PackedCohortDocument, variables(args));
    return data.packedCohort;
  }

  /**
   * One school's packed cohort on a day and the school's name, in one request (a past day's school
   * dashboard). The name is null, and the school not among `schoolsAllowed`, when the caller may not read it.
   */
  async fetchSchoolCohortAndName(ctx: RequestContext, schoolId: string, asOf: string): Promise<{ cohort: PackedCohortAnswer; schoolName: string | null }> {
    const data = await querySubgraph(ctx, this.url, 'School cohort and name lookup', SchoolCohortAndNameDocument, { schoolId, asOf });
    return { cohort: data.packedCohort, schoolName: data.cohortVersion.schoolName };
  }

  /**
   * Whether the caller may read one school's cohort, and the counter that moves whenever anything its
   * `packedCohort` is made of changes (`cohortVersion`): a few bytes, asked before a stored dashboard
   * answer is served instead of the whole cohort.
   */
  async cohortVersion(ctx: RequestContext, schoolId: string): Promise<CohortVersionQuery['cohortVersion']> {
    const data = await querySubgraph(ctx, this.url, 'Cohort version lookup', CohortVersionDocument, { schoolId });
    return data.cohortVersion;
  }

  /**
   * The first name and year group of each pupil, for a volunteer who delivered an encounter they
   * attended: the caller must have checked both first (the pupils subgraph answers any volunteer).
   */
  async volunteerPupilNames(ctx: RequestContext, pupilIds: readonly string[]): Promise<Map<string, { firstName: string; yearGroup: number | null }>> {
    if (pupilIds.length === 0) return new Map();
    const data = await querySubgraph(ctx, this.url, 'Volunteer pupil names', VolunteerPupilNamesDocument, { pupilIds: [...pupilIds] });
    return new Map(data.volunteerPupilNames.map((row) => [row.pupilId, { firstName: row.firstName, yearGroup: row.yearGroup ?? null }]));
  }

  /** How much of each pupil's history the caller may read here (`Pupil.recordAccess`; a pupil about themself asks nothing). */
  recordAccess(ctx: RequestContext, pupilIds: readonly string[]): Promise<Map<string, RecordScope>> {
    return recordScopes(ctx, this.url, pupilIds);
  }

  /** The pupils among `ids` whose current school the caller acts for: who may be written about. */
  currentPupilIds(ctx: RequestContext, ids: readonly string[]): Promise<Set<string>> {
    return currentPupilIds(ctx, this.url, ids);
  }

  /** Whether the caller may export the pupil's data: staff, or the data protection lead, of the pupil's current school. */
  mayExportPupil(ctx: RequestContext, pupilId: string): Promise<boolean> {
    return mayExportPupil(ctx, this.url, pupilId);
  }

  /** The caller's own school's name and URN (`schools`, which answers a school's staff with their own school), or null. */
  async ownSchool(ctx: RequestContext, schoolId: string): Promise<{ id: string; name: string; urn: string } | null> {
    const data = await querySubgraph(ctx, this.url, 'Own school lookup', OwnSchoolDocument, {});
    return data.schools?.find((school) => school.id === schoolId) ?? null;
  }

  /** Writes a request's audit entries to the pupils subgraph's trail (docs/audit-trail.md). */
  recordAudit(ctx: RequestContext, entries: AuditEntry[]): Promise<void> {
    return this.auditSink(ctx, entries);
  }
}
