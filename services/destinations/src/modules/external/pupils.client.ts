import {
  AccessError,
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
  DestinationLeaverYearsDocument,
  DestinationsCohortDocument,
  FollowedLeaverDetailsDocument,
  PupilLeaverDetailsDocument,
  PupilReturnAuthoritiesDocument,
  PupilReturnDetailsDocument,
  PupilSelfReportDetailsDocument,
  PupilWorklistDetailsDocument,
  DestinationsReturnCohortDocument,
  SchoolReturnDetailsDocument,
  type PupilReturnDetailsQuery,
  type SchoolReturnDetailsQuery,
} from './pupils.generated.js';

/** What the local authority return names of a pupil, as the pupils subgraph answers it. */
export type PupilReturnDetails = Extract<PupilReturnDetailsQuery['_entities'][number], { id: string }>;
/** A school's public facts for the return. */
export type SchoolReturnDetails = Extract<SchoolReturnDetailsQuery['_entities'][number], { id: string }>;

/** One leaving year's Year 11 leavers on roll on 1 June of that summer, as parallel arrays (`leaverYears`). */
export interface LeaverCohort {
  leavingYear: number;
  pupilIds: string[];
  schoolIds: string[];
  groupMasks: number[];
  sharingOptOuts: boolean[];
}

/** How many leaving years one request to the pupils subgraph asks about (DestinationLeaverYears in pupils.graphql). */
const YEARS_PER_REQUEST = 20;

/** What following up and recording need of a leaver of the caller's school (`followedLeaverDetails`). */
export interface FollowedLeaver extends WorklistDetails {
  upn: string | null;
  /** Whether they opted out of sharing with the local authority (anything but a clear no reads as yes). */
  sharingOptOut: boolean;
  /** On roll at the school on 1 June of a summer asked about, finished Year 11 then, and not on roll there today. */
  leftSince: boolean;
}

/** A packed column (one comma-separated string) as its values. */
const unpack = (packed: string): string[] => (packed === '' ? [] : packed.split(','));

/** A pupil on roll for the local authority return, with their sharing opt-out and home local authority (`returnCohort`). */
export interface ReturnCohortPupil extends OnRoll {
  /** True unless the pupils subgraph said clearly that they have not opted out. */
  optedOut: boolean;
  /** The three-digit DfE code of the local authority they live in; null when none is recorded. */
  homeCode: string | null;
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
   * whole trust when null) with their school, year group, sharing opt-out and home local authority,
   * and which of the schools the caller may read; ids only, in one request. Throws when the pupils
   * subgraph withholds the home authorities (a caller who may not read the return), so the return
   * fails closed rather than putting everyone in their school's own authority's.
   */
  async returnCohort(
    ctx: RequestContext,
    args: { schoolIds: string[] | null; asOf: string },
  ): Promise<{ schoolsAllowed: string[]; pupils: ReturnCohortPupil[] }> {
    const { cohort } = await querySubgraph(ctx, this.url, 'Return cohort lookup', DestinationsReturnCohortDocument, args);
    const homes = cohort.homeLocalAuthorityCodes;
    if (!homes) throw AccessError.forbidden();
    if (homes.length !== cohort.pupilIds.length) throw new Error('The pupils subgraph answered the return cohort with columns of different lengths.');
    return {
      schoolsAllowed: cohort.schoolsAllowed,
      pupils: cohort.pupilIds.map((pupilId, i) => ({
        pupilId,
        schoolId: cohort.schoolIds[i],
        yearGroup: cohort.yearGroups[i],
        // Nothing is shared on a doubt, as in the school's own file.
        optedOut: cohort.sharingOptOuts[i] !== false,
        homeCode: homes[i] ?? null,
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
   * For the caller's own school, in one request: the pupils among `pupilIds` and those who left the
   * school after finishing Year 11 in one of `leavingYears` (not on roll there on `asOf`), each with
   * their UPN, leaving year, agreement to being followed and sharing opt-out. Only pupils whose
   * school, or last school, is the caller's are answered; anyone else is missing. No date of birth
   * travels, so nothing is audited.
   */
  async followedLeaverDetails(
    ctx: RequestContext,
    args: { asOf: string; leavingYears: readonly number[]; pupilIds: readonly string[] },
  ): Promise<Map<string, FollowedLeaver>> {
    const { packedFollowedLeavers: packed } = await querySubgraph(ctx, this.url, 'Followed leavers lookup', FollowedLeaverDetailsDocument, {
      asOf: args.asOf,
      leavingYears: [...args.leavingYears],
      pupilIds: [...args.pupilIds],
    });
    const [ids, upns, years, trackings, optOuts, left] = [
      packed.pupilIds,
      packed.upns,
      packed.leavingYears,
      packed.trackings,
      packed.sharingOptOuts,
      packed.leftSince,
    ].map(unpack);
    if ([upns, years, trackings, optOuts, left].some((column) => column.length !== ids.length) || ids.length !== packed.size)
      throw new Error('The pupils subgraph answered followed leavers with columns of different lengths.');
    const details = new Map<string, FollowedLeaver>();
    ids.forEach((id, i) => {
      const year = Number(years[i]);
      details.set(id, {
        upn: upns[i] || null,
        leavingYear: Number.isInteger(year) && years[i] !== '' ? year : null,
        tracking: trackings[i] === '1',
        sharingOptOut: optOuts[i] !== '0',
        leftSince: left[i] === '1',
      });
    });
    return details;
  }

  /**
   * Each pupil's home local authority code (null: not recorded) and sharing opt-out (anything but a
   * clear no reads as yes), in one request, without names or dates of birth; pupils the caller may not
   * read are missing (staff of the pupil's school only).
   */
  async returnAuthorities(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, { homeCode: string | null; optedOut: boolean }>> {
    if (ids.length === 0) return new Map();
    const answers = await fetchEntities(ctx, this.url, 'Pupil', ids, PupilReturnAuthoritiesDocument);
    const authorities = new Map<string, { homeCode: string | null; optedOut: boolean }>();
    for (const [id, pupil] of answers)
      authorities.set(id, { homeCode: pupil.homeLocalAuthority?.code ?? null, optedOut: pupil.consent?.localAuthoritySharingOptOut !== false });
    return authorities;
  }

  /**
   * The return's details of each pupil (UPN, names, date of birth, home local authority, sharing
   * opt-out, and for a signed-in caller their address and parent or carer), in one request; pupils the
   * caller may not read are missing. An API key is never asked the address (the pupils subgraph would
   * refuse it, and the whole request with it).
   */
  returnDetails(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, PupilReturnDetails>> {
    return fetchEntities(ctx, this.url, 'Pupil', ids, PupilReturnDetailsDocument, { withAddress: ctx.principal.kind === 'user' });
  }

  /**
   * For destination figures: for each of `leavingYears`, the Year 11 leavers on roll on 1 June of that
   * summer at the schools named (an analyst's whole trust when none are), each with their school,
   * group mask that day and sharing opt-out, in the order of `leavingYears` (`schoolsAllowed`: which
   * of the schools the caller may count); and, when `withSchools`, the names of the schools the
   * caller may read. One request per twenty leaving years (`leaverYearBatch`, the first also asking
   * the names), in parallel.
   */
  async leaverYears(
    ctx: RequestContext,
    args: { schoolIds: string[] | null; leavingYears: readonly number[]; withSchools: boolean },
  ): Promise<{ schoolsAllowed: string[]; cohorts: LeaverCohort[]; schoolNames: Map<string, string> }> {
    const batches: number[][] = [];
    for (let i = 0; i < args.leavingYears.length; i += YEARS_PER_REQUEST) batches.push(args.leavingYears.slice(i, i + YEARS_PER_REQUEST));
    if (batches.length === 0) batches.push([]);
    const answers = await Promise.all(batches.map((years, i) => this.leaverYearBatch(ctx, args.schoolIds, years, args.withSchools && i === 0)));
    return { schoolsAllowed: answers[0].schoolsAllowed, cohorts: answers.flatMap((answer) => answer.cohorts), schoolNames: answers[0].schoolNames };
  }

  /** One request for up to twenty leaving years' leavers, and the schools' names when `withSchools` (`leaverYears`). */
  async leaverYearBatch(
    ctx: RequestContext,
    schoolIds: string[] | null,
    leavingYears: readonly number[],
    withSchools: boolean,
  ): Promise<{ schoolsAllowed: string[]; cohorts: LeaverCohort[]; schoolNames: Map<string, string> }> {
    if (leavingYears.length > YEARS_PER_REQUEST) throw new RangeError(`At most ${YEARS_PER_REQUEST} leaving years a request, not ${leavingYears.length}`);
    const answer = await querySubgraph(ctx, this.url, 'Leaver cohort lookup', DestinationLeaverYearsDocument, {
      schoolIds,
      leavingYears: [...leavingYears],
      withSchools,
    });
    const { schoolsAllowed, years } = answer.packedLeaverCohorts;
    const cohorts = leavingYears.map((leavingYear): LeaverCohort => {
      const year = years.find((y) => y.leavingYear === leavingYear);
      if (!year) throw new Error('The pupils subgraph left out a leaving year it was asked about.');
      const pupilIds = unpack(year.pupilIds);
      const schoolIndexes = unpack(year.schoolIndexes);
      const groupMasks = unpack(year.groupMasks);
      const optOuts = unpack(year.sharingOptOuts);
      if (pupilIds.length !== year.size || [schoolIndexes, groupMasks, optOuts].some((column) => column.length !== pupilIds.length))
        throw new Error('The pupils subgraph answered a leaving year with columns of different lengths.');
      return {
        leavingYear,
        pupilIds,
        schoolIds: schoolIndexes.map((index) => {
          const schoolId = schoolsAllowed[Number(index)];
          if (!schoolId) throw new Error('The pupils subgraph placed a leaver at a school outside those allowed.');
          return schoolId;
        }),
        groupMasks: groupMasks.map(Number),
        // Nothing is counted on a doubt: anything but a clear 0 reads as opted out.
        sharingOptOuts: optOuts.map((value) => value !== '0'),
      };
    });
    return { schoolsAllowed, cohorts, schoolNames: new Map((answer.schools ?? []).map((school) => [school.id, school.name])) };
  }

  /** A school's name, URN and local authority, or null when the pupils subgraph does not know it. */
  async school(ctx: RequestContext, schoolId: string): Promise<SchoolReturnDetails | null> {
    return (await this.schools(ctx, [schoolId])).get(schoolId) ?? null;
  }

  /** Schools' names, URNs and local authorities (public facts), in one request; those the pupils subgraph does not know are missing. */
  schools(ctx: RequestContext, schoolIds: readonly string[]): Promise<Map<string, SchoolReturnDetails>> {
    return fetchEntities(ctx, this.url, 'School', schoolIds, SchoolReturnDetailsDocument);
  }
}
