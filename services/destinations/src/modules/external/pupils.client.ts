import {
  currentPupilIds,
  fetchEntities,
  mayExportPupil,
  querySubgraph,
  recordScopes,
  remoteAuditSink,
  schoolIsInTrust,
  type AuditSink,
  type RecordScope,
  type RequestContext,
} from '@waymark/subgraph-kit';
import {
  DestinationLeaverCohortsDocument,
  DestinationsCohortDocument,
  PupilLeaverDetailsDocument,
  PupilImportDetailsDocument,
  PupilReturnDetailsDocument,
  PupilSelfReportDetailsDocument,
  PupilWorklistDetailsDocument,
  DestinationsReturnCohortDocument,
  SchoolReturnDetailsDocument,
  type LeaverCohortFieldsFragment,
  type PupilReturnDetailsQuery,
  type SchoolReturnDetailsQuery,
} from './pupils.generated.js';

/** What the local authority return names of a pupil, as the pupils subgraph answers it. */
export type PupilReturnDetails = Extract<PupilReturnDetailsQuery['_entities'][number], { id: string }>;
/** A school's public facts for the return. */
export type SchoolReturnDetails = Extract<SchoolReturnDetailsQuery['_entities'][number], { id: string }>;

/** The pupils on roll on a 1 June with their leaving years, group masks and sharing opt-outs, as parallel arrays (`leaverCohorts`). */
export type LeaverCohort = LeaverCohortFieldsFragment;

/** How many days one request to the pupils subgraph asks about (DestinationLeaverCohorts in pupils.graphql). */
const DAYS_PER_REQUEST = 6;

/** A pupil on roll for the local authority return, with their sharing opt-out (`returnCohort`). */
export interface ReturnCohortPupil extends OnRoll {
  /** True unless the pupils subgraph said clearly that they have not opted out. */
  optedOut: boolean;
}

/** What the worklist needs of a pupil (`worklistDetails`). */
export interface WorklistDetails {
  leavingYear: number | null;
  tracking: boolean | null;
}

/** A pupil on roll, as the pupils subgraph's `cohort` answers it (year group 0: not known). */
export interface OnRoll {
  pupilId: string;
  schoolId: string;
  yearGroup: number;
}

/**
 * Everything this subgraph asks the pupils subgraph, at the address its app was configured with.
 * Every call is made with the caller's own credential (from `ctx`), so the pupils subgraph applies the
 * caller's tenancy, and any failure throws, so the fields fail closed.
 */
export class PupilsClient {
  /** Where this subgraph's audit entries go: the pupils subgraph's trail (docs/audit-trail.md). */
  readonly auditSink: AuditSink;

  constructor(readonly url: string) {
    this.auditSink = remoteAuditSink(url, 'destinations');
  }

  /** How much of each pupil's history the caller may read here (`Pupil.recordAccess`), in one request. */
  recordAccess(ctx: RequestContext, pupilIds: readonly string[]): Promise<Map<string, RecordScope>> {
    return recordScopes(ctx, this.url, pupilIds);
  }

  /** Whether a school belongs to a trust (a trust analyst may ask only about their trust's schools). */
  schoolIsInTrust(ctx: RequestContext, schoolId: string, trustId: string): Promise<boolean> {
    return schoolIsInTrust(ctx, this.url, schoolId, trustId);
  }

  /** Whether the caller may export the pupil's data: staff, or the data protection lead, of the pupil's current school. */
  mayExportPupil(ctx: RequestContext, pupilId: string): Promise<boolean> {
    return mayExportPupil(ctx, this.url, pupilId);
  }

  /** The pupils among `ids` whose current (or, for a leaver, last) school the caller acts for: who may be written about. */
  currentPupilIds(ctx: RequestContext, ids: readonly string[]): Promise<Set<string>> {
    return currentPupilIds(ctx, this.url, ids);
  }

  /** The pupils on roll on `asOf` at the schools or among the pupils named, within what the caller may read (`cohort`), in one request. */
  async onRoll(ctx: RequestContext, args: { schoolIds?: string[]; pupilIds?: string[]; asOf: string }): Promise<OnRoll[]> {
    const { cohort } = await querySubgraph(ctx, this.url, 'Cohort lookup', DestinationsCohortDocument, {
      schoolIds: args.schoolIds ?? null,
      pupilIds: args.pupilIds ?? null,
      asOf: args.asOf,
    });
    return cohort.pupilIds.map((pupilId, i) => ({ pupilId, schoolId: cohort.schoolIds[i], yearGroup: cohort.yearGroups[i] }));
  }

  /**
   * For the local authority return: the pupils on roll on `asOf` at the schools named (an analyst's
   * whole trust when null) with their school, year group and sharing opt-out, and which of the
   * schools the caller may read; ids only, in one request.
   */
  async returnCohort(
    ctx: RequestContext,
    args: { schoolIds: string[] | null; asOf: string },
  ): Promise<{ schoolsAllowed: string[]; pupils: ReturnCohortPupil[] }> {
    const { cohort } = await querySubgraph(ctx, this.url, 'Return cohort lookup', DestinationsReturnCohortDocument, args);
    return {
      schoolsAllowed: cohort.schoolsAllowed,
      pupils: cohort.pupilIds.map((pupilId, i) => ({
        pupilId,
        schoolId: cohort.schoolIds[i],
        yearGroup: cohort.yearGroups[i],
        // Nothing is shared on a doubt, as in the school's own file.
        optedOut: cohort.sharingOptOuts[i] !== false,
      })),
    };
  }

  /**
   * Each pupil's date of birth (YYYY-MM-DD; null when not recorded) and whether they agreed to being
   * followed after 16 (anything but a clear yes reads as no), for the callers who may read them
   * (staff of their school); pupils the caller may not read are missing.
   */
  async leaverDetails(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, { dateOfBirth: string | null; tracking: boolean }>> {
    const answers = await fetchEntities(ctx, this.url, 'Pupil', ids, PupilLeaverDetailsDocument);
    const details = new Map<string, { dateOfBirth: string | null; tracking: boolean }>();
    for (const [id, pupil] of answers) details.set(id, { dateOfBirth: pupil.dateOfBirth ?? null, tracking: pupil.consent?.destinationTracking === true });
    return details;
  }

  /**
   * For the worklist, in one request: the summer each pupil finishes Year 11 (null unless the caller is
   * staff of the school the pupil is at or last left) and whether they agreed to being followed after
   * 16 (null when the caller may not read it). No date of birth travels, so nothing is audited.
   */
  async worklistDetails(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, WorklistDetails>> {
    const answers = await fetchEntities(ctx, this.url, 'Pupil', ids, PupilWorklistDetailsDocument);
    const details = new Map<string, WorklistDetails>();
    for (const [id, pupil] of answers) {
      const tracking: unknown = pupil.consent?.destinationTracking;
      details.set(id, { leavingYear: pupil.year11LeavingYear ?? null, tracking: typeof tracking === 'boolean' ? tracking : null });
    }
    return details;
  }

  /**
   * For self-report links, in one request: each pupil's first name, the summer they finish Year 11 and
   * whether they agreed to being followed after 16 (anything but a clear yes reads as no); pupils the
   * caller may not read are missing (staff of the school the pupil is at or last left only).
   */
  async selfReportDetails(
    ctx: RequestContext,
    ids: readonly string[],
  ): Promise<Map<string, { firstName: string; leavingYear: number | null; tracking: boolean }>> {
    const answers = await fetchEntities(ctx, this.url, 'Pupil', ids, PupilSelfReportDetailsDocument);
    const details = new Map<string, { firstName: string; leavingYear: number | null; tracking: boolean }>();
    for (const [id, pupil] of answers)
      details.set(id, { firstName: pupil.firstName, leavingYear: pupil.year11LeavingYear ?? null, tracking: pupil.consent?.destinationTracking === true });
    return details;
  }

  /**
   * For a confirmation file, in one request: what the worklist needs of each pupil (`worklistDetails`)
   * and their UPN (null when not recorded); pupils the caller may not read are missing, and a pupil
   * with a leaving year is one whose school, or last school, is the caller's.
   */
  async importDetails(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, WorklistDetails & { upn: string | null }>> {
    const answers = await fetchEntities(ctx, this.url, 'Pupil', ids, PupilImportDetailsDocument);
    const details = new Map<string, WorklistDetails & { upn: string | null }>();
    for (const [id, pupil] of answers) {
      const tracking: unknown = pupil.consent?.destinationTracking;
      details.set(id, { leavingYear: pupil.year11LeavingYear ?? null, tracking: typeof tracking === 'boolean' ? tracking : null, upn: pupil.upn ?? null });
    }
    return details;
  }

  /** The return's details of each pupil (UPN, names, date of birth, sharing opt-out), in one request; pupils the caller may not read are missing. */
  returnDetails(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, PupilReturnDetails>> {
    return fetchEntities(ctx, this.url, 'Pupil', ids, PupilReturnDetailsDocument);
  }

  /**
   * For destination figures: the pupils on roll on each of `days` at the schools named (an analyst's
   * whole trust when none are), each with their school, leaving year, group mask on that day and
   * sharing opt-out (`schoolsAllowed` says which of the schools the caller may count), in the order of
   * `days`; and the names of the schools the caller may read. One request per six days
   * (`leaverCohortBatch`, the first also asking the names), in parallel.
   */
  async leaverCohorts(
    ctx: RequestContext,
    args: { schoolIds: string[] | null; days: readonly string[] },
  ): Promise<{ cohorts: LeaverCohort[]; schoolNames: Map<string, string> }> {
    const batches: string[][] = [];
    for (let i = 0; i < args.days.length; i += DAYS_PER_REQUEST) batches.push(args.days.slice(i, i + DAYS_PER_REQUEST));
    if (batches.length === 0) batches.push([]);
    const answers = await Promise.all(batches.map((days, i) => this.leaverCohortBatch(ctx, args.schoolIds, days, i === 0)));
    return { cohorts: answers.flatMap((answer) => answer.cohorts), schoolNames: answers[0].schoolNames };
  }

  /** One request for up to six days' cohorts, and the schools' names when `withSchools` (`leaverCohorts`). */
  async leaverCohortBatch(
    ctx: RequestContext,
    schoolIds: string[] | null,
    days: readonly string[],
    withSchools: boolean,
  ): Promise<{ cohorts: LeaverCohort[]; schoolNames: Map<string, string> }> {
    if (days.length > DAYS_PER_REQUEST) throw new RangeError(`At most ${DAYS_PER_REQUEST} days a request, not ${days.length}`);
    // Day 0 is always asked (GraphQL needs a value); with no days it is today, and its answer is dropped.
    const first = days[0] ?? new Date().toISOString().slice(0, 10);
    const answer = await querySubgraph(ctx, this.url, 'Leaver cohort lookup', DestinationLeaverCohortsDocument, {
      schoolIds,
      day0: first,
      day1: days[1] ?? first,
      day2: days[2] ?? first,
      day3: days[3] ?? first,
      day4: days[4] ?? first,
      day5: days[5] ?? first,
      with1: days.length > 1,
      with2: days.length > 2,
      with3: days.length > 3,
      with4: days.length > 4,
      with5: days.length > 5,
      withSchools,
    });
    const cohorts = [answer.day0, answer.day1, answer.day2, answer.day3, answer.day4, answer.day5].slice(0, days.length).map((cohort) => {
      if (!cohort) throw new Error('The pupils subgraph left out a day it was asked about.');
      return cohort;
    });
    return { cohorts, schoolNames: new Map((answer.schools ?? []).map((school) => [school.id, school.name])) };
  }

  /** A school's name, URN and local authority, or null when the pupils subgraph does not know it. */
  async school(ctx: RequestContext, schoolId: string): Promise<SchoolReturnDetails | null> {
    return (await fetchEntities(ctx, this.url, 'School', [schoolId], SchoolReturnDetailsDocument)).get(schoolId) ?? null;
  }
}
