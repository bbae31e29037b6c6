import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { VOLUNTEER_CHECK_KINDS, checkGapMessage, checkGaps, checksNeeded, placementEngagement, todayInEngland, type VolunteerCheckKind } from '@waymark/domain';
import { AccessError, loaderFor, type RequestContext } from '@waymark/subgraph-kit';
import { SchoolStub } from '../external/school.stub.js';
import { placementReaderSchool } from '../placement/placement.access.js';
import { Placement, PlacementApplication } from '../placement/placement.entity.js';
import { actingVolunteer } from '../request/request.access.js';
import { VolunteerOffer, VolunteerRequest } from '../request/request.entity.js';
import { volunteerById } from '../request/request.resolver.js';
import { Volunteer } from '../volunteer/volunteer.entity.js';
import { canSeeRecorder, checkReaderSchool } from './volunteer-check.access.js';
import { VolunteerCheck, VolunteerCheckKindEnum } from './volunteer-check.entity.js';
import { VolunteerCheckService } from './volunteer-check.service.js';
import { RecordVolunteerCheckInput, RecordVolunteerCheckResult, VolunteerCheckWarning } from './volunteer-check.types.js';

const MANAGERS = ['careers_leader', 'staff'] as const;

/** The caller's school's checks on a volunteer, batched over every volunteer in the answer. */
function schoolChecks(ctx: RequestContext, schoolId: string, volunteerId: string): Promise<VolunteerCheck[]> {
  return loaderFor<VolunteerCheck[]>(ctx, 'schoolVolunteerChecks', async (ids) => {
    const rows = await new VolunteerCheckService(ctx.em).atSchool(schoolId, ids);
    return ids.map((id) => rows.filter((check) => check.volunteerId === id));
  })
    .load(volunteerId)
    .then((checks) => checks ?? []);
}

/** What an offer's volunteer and request say about the checks needed, for staff of the offer's school. */
async function engagementOf(ctx: RequestContext, offer: VolunteerOffer): Promise<{ request: VolunteerRequest; volunteer: Volunteer | null }> {
  if (checkReaderSchool(ctx.principal) !== offer.schoolId) throw AccessError.forbidden();
  const request = offer.request.dateTo ? offer.request : await ctx.em.findOneOrFail(VolunteerRequest, { id: offer.request.id });
  return { request, volunteer: await volunteerById(ctx, offer.volunteerId) };
}

/** The needed checks the school has not recorded, or that will have expired by `lastDay`, worded for the leader. */
async function warningsFor(ctx: RequestContext, schoolId: string, volunteer: Volunteer, needed: readonly VolunteerCheckKind[], lastDay: string) {
  if (needed.length === 0) return [];
  const recorded = await schoolChecks(ctx, schoolId, volunteer.id);
  const today = todayInEngland();
  const name = `${volunteer.firstName} ${volunteer.lastName}`;
  return checkGaps(needed, recorded, lastDay).map((gap) =>
    Object.assign(new VolunteerCheckWarning(), { kind: gap.kind, expiresOn: gap.expiresOn, message: checkGapMessage(name, gap, today) }),
  );
}

function neededFor(request: VolunteerRequest, volunteer: Volunteer): VolunteerCheckKind[] {
  return checksNeeded({
    activity: request.activity,
    virtual: request.virtual,
    unsupervised: request.unsupervised,
    regular: request.regular,
    volunteerKind: volunteer.kind,
  });
}

@Resolver(() => VolunteerCheck)
export class VolunteerCheckResolver {
  @Authorized(...MANAGERS)
  @Mutation(() => RecordVolunteerCheckResult, {
    nullable: true,
    description: "Records a check on a volunteer who works with or has offered to help the caller's school, as that school's decision.",
  })
  recordVolunteerCheck(
    @Arg('input', () => RecordVolunteerCheckInput) input: RecordVolunteerCheckInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordVolunteerCheckResult> {
    return new VolunteerCheckService(ctx.em).record(ctx.principal, input, new Date());
  }

  @FieldResolver(() => String)
  kindLabel(@Root() check: VolunteerCheck): string {
    return VOLUNTEER_CHECK_KINDS[check.kind].label;
  }

  @FieldResolver(() => Boolean, { description: 'It has expired today (England).' })
  expired(@Root() check: VolunteerCheck): boolean {
    return check.expiresOn <= todayInEngland();
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who at the school recorded it: staff of that school only, null for anyone else.' })
  recordedBy(@Root() check: VolunteerCheck, @Ctx() ctx: RequestContext): string | null {
    return canSeeRecorder(ctx.principal, check) ? check.recordedByName : null;
  }

  @FieldResolver(() => SchoolStub, { nullable: true, description: 'The school that made the check.' })
  school(@Root() check: VolunteerCheck): SchoolStub {
    return { id: check.schoolId };
  }
}

@Resolver(() => Volunteer)
export class VolunteerChecksResolver {
  @FieldResolver(() => [VolunteerCheck], {
    nullable: true,
    description: "Staff: their own school's checks on the volunteer, newest first. The volunteer: their own, at every school. Anyone else: FORBIDDEN.",
  })
  async checks(@Root() volunteer: Volunteer, @Ctx() ctx: RequestContext): Promise<VolunteerCheck[]> {
    const schoolId = checkReaderSchool(ctx.principal);
    if (schoolId) return schoolChecks(ctx, schoolId, volunteer.id);
    if (actingVolunteer(ctx.principal) === volunteer.id) return new VolunteerCheckService(ctx.em).ofVolunteer(volunteer.id);
    throw AccessError.forbidden();
  }
}

@Resolver(() => VolunteerOffer)
export class VolunteerOfferChecksResolver {
  @FieldResolver(() => [VolunteerCheckKindEnum], {
    nullable: true,
    description: "The checks the request's activity needs of this volunteer (docs/domain-rules.md). Staff of the offer's school only.",
  })
  async checksNeeded(@Root() offer: VolunteerOffer, @Ctx() ctx: RequestContext): Promise<VolunteerCheckKind[]> {
    const { request, volunteer } = await engagementOf(ctx, offer);
    return volunteer ? neededFor(request, volunteer) : [];
  }

  @FieldResolver(() => [VolunteerCheckWarning], {
    nullable: true,
    description:
      "Needed checks the school has not recorded, or that expire on or before the request's last day: a warning for the leader, never a bar. Staff of the offer's school only.",
  })
  async checkWarnings(@Root() offer: VolunteerOffer, @Ctx() ctx: RequestContext): Promise<VolunteerCheckWarning[]> {
    const { request, volunteer } = await engagementOf(ctx, offer);
    if (!volunteer) return [];
    return warningsFor(ctx, offer.schoolId, volunteer, neededFor(request, volunteer), request.dateTo);
  }
}

/** The volunteer hosting a placement a pupil applied for, for staff of the pupil's school only. */
async function hostOf(ctx: RequestContext, application: PlacementApplication): Promise<{ placement: Placement; host: Volunteer | null }> {
  if (placementReaderSchool(ctx.principal) !== application.schoolId) throw AccessError.forbidden();
  const placement = application.placement.dateTo ? application.placement : await ctx.em.findOneOrFail(Placement, { id: application.placement.id });
  return { placement, host: await volunteerById(ctx, placement.volunteerId) };
}

@Resolver(() => PlacementApplication)
export class PlacementApplicationChecksResolver {
  @FieldResolver(() => Volunteer, { nullable: true, description: "The volunteer hosting the placement: staff of the pupil's school only." })
  async host(@Root() application: PlacementApplication, @Ctx() ctx: RequestContext): Promise<Volunteer | null> {
    return (await hostOf(ctx, application)).host;
  }

  @FieldResolver(() => [VolunteerCheckWarning], {
    nullable: true,
    description:
      "Checks the placement's host needs (identity; an employer's assurance for an employee) that the pupil's school has not recorded, or that expire by the placement's last day: a warning, never a bar. Staff of the pupil's school only.",
  })
  async hostCheckWarnings(@Root() application: PlacementApplication, @Ctx() ctx: RequestContext): Promise<VolunteerCheckWarning[]> {
    const { placement, host } = await hostOf(ctx, application);
    if (!host) return [];
    return warningsFor(ctx, application.schoolId, host, checksNeeded(placementEngagement(host.kind)), placement.dateTo);
  }
}
