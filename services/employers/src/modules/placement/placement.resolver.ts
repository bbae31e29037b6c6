import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AccessError, byKeys, loaderFor, type RequestContext } from '@waymark/subgraph-kit';
import type { EmployersContext } from '../../app.js';
import { Employer } from '../employer/employer.entity.js';
import { EncounterStub } from '../external/encounter.stub.js';
import { SchoolStub } from '../external/school.stub.js';
import { canReadStatement, canSeeApplication, canSeePlacement, placementPupil, placementReaderSchool, placementVolunteer } from './placement.access.js';
import { Placement, PlacementApplication, PlacementApplicationStatus } from './placement.entity.js';
import { PlacementOutboxService } from './placement-outbox.service.js';
import { PlacementService } from './placement.service.js';
import {
  AnswerPlacementApplicationInput,
  ApplyForPlacementInput,
  CompletePlacementInput,
  OfferPlacementInput,
  PlacementApplicationResult,
  PlacementResult,
} from './placement.types.js';

const SCHOOL_STAFF = ['careers_leader', 'staff', 'careers_adviser'] as const;
const MANAGERS = ['careers_leader', 'staff'] as const;
const VOLUNTEERS = ['employer_volunteer', 'alumni'] as const;

/** Sends the school's waiting work-experience encounters with the caller's credential (the caller is staff of that school who may record them). */
async function dispatch(ctx: EmployersContext, schoolId: string): Promise<void> {
  await new PlacementOutboxService(ctx.em).dispatchForSchool(schoolId, ctx.deps.encounters.sender(ctx), new Date());
}

function applicationsOf(ctx: RequestContext, placementId: string): Promise<PlacementApplication[] | null> {
  return loaderFor<PlacementApplication[]>(ctx, 'placementApplications', async (ids) => {
    const rows = await ctx.em.find(PlacementApplication, { placement: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return ids.map((id) => rows.filter((a) => a.placement.id === id));
  }).load(placementId);
}

@Resolver(() => Placement)
export class PlacementResolver {
  @Authorized(...VOLUNTEERS)
  @Query(() => [Placement], { nullable: true, description: 'The placements the signed-in volunteer offered, newest first.' })
  myPlacements(@Ctx() ctx: RequestContext): Promise<Placement[]> {
    return new PlacementService(ctx.em).mine(ctx.principal);
  }

  @Authorized(...VOLUNTEERS)
  @Query(() => [SchoolStub], { nullable: true, description: 'The schools the signed-in volunteer works with: the ones they may offer a placement to.' })
  placementSchools(@Ctx() ctx: RequestContext): Promise<SchoolStub[]> {
    return new PlacementService(ctx.em).schoolsOf(ctx.principal);
  }

  @Authorized('pupil')
  @Query(() => [Placement], {
    nullable: true,
    description: 'Placements the signed-in pupil may apply for: offered to their school and year group, not started yet, with a place left; soonest first.',
  })
  openPlacements(@Ctx() ctx: EmployersContext): Promise<Placement[]> {
    return new PlacementService(ctx.em).openForPupil(ctx.principal, ctx.deps.pupils.me(ctx), new Date());
  }

  @Authorized(...VOLUNTEERS)
  @Mutation(() => PlacementResult, {
    nullable: true,
    description: 'The signed-in volunteer offers a work-experience placement to some of the schools they work with.',
  })
  offerPlacement(@Arg('input', () => OfferPlacementInput) input: OfferPlacementInput, @Ctx() ctx: RequestContext): Promise<PlacementResult> {
    return new PlacementService(ctx.em).offer(ctx.principal, input, new Date());
  }

  @Authorized(...VOLUNTEERS)
  @Mutation(() => PlacementResult, {
    nullable: true,
    description:
      "After its last day, the volunteer marks their placement done, with feedback for the pupils; each approved pupil's work experience is then recorded by their school's outbox.",
  })
  completePlacement(@Arg('input', () => CompletePlacementInput) input: CompletePlacementInput, @Ctx() ctx: RequestContext): Promise<PlacementResult> {
    return new PlacementService(ctx.em).complete(ctx.principal, input, new Date());
  }

  @FieldResolver(() => Int, { description: 'Places not yet taken by an approved pupil.' })
  placesLeft(@Root() placement: Placement, @Ctx() ctx: RequestContext): number {
    if (!canSeePlacement(ctx.principal, placement)) throw AccessError.forbidden();
    return Math.max(0, placement.capacity - placement.taken);
  }

  @FieldResolver(() => Number, { description: 'Hours a day times working days.' })
  totalHours(@Root() placement: Placement): number {
    return Math.round(placement.hoursPerDay * placement.days * 100) / 100;
  }

  @FieldResolver(() => [SchoolStub], { description: 'The schools it is offered to: all of them for the volunteer, only their own for a school.' })
  schools(@Root() placement: Placement, @Ctx() ctx: RequestContext): SchoolStub[] {
    if (placementVolunteer(ctx.principal) === placement.volunteerId) return placement.schoolIds.map((id) => ({ id }));
    const own = placementReaderSchool(ctx.principal) ?? placementPupil(ctx.principal)?.schoolId ?? null;
    if (!own || !placement.schoolIds.includes(own)) throw AccessError.forbidden();
    return [{ id: own }];
  }

  @FieldResolver(() => String, { nullable: true, description: "The employer's name." })
  async employerName(@Root() placement: Placement, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!canSeePlacement(ctx.principal, placement)) throw AccessError.forbidden();
    if (!placement.employerId) return null;
    const employer = await loaderFor<Employer>(ctx, 'placementEmployer', async (ids) =>
      byKeys(ids, await ctx.em.find(Employer, { id: { $in: [...ids] } }), (e) => e.id),
    ).load(placement.employerId);
    return employer?.name ?? null;
  }

  @FieldResolver(() => [PlacementApplication], {
    description:
      'Applications the caller may read: for the volunteer who offered it, the approved pupils (first name and year group); for staff, their own pupils; for a pupil, their own.',
  })
  async applications(@Root() placement: Placement, @Ctx() ctx: RequestContext): Promise<PlacementApplication[]> {
    if (!canSeePlacement(ctx.principal, placement)) throw AccessError.forbidden();
    const rows = (await applicationsOf(ctx, placement.id)) ?? [];
    return rows.filter((a) => canSeeApplication(ctx.principal, a, placement));
  }

  @FieldResolver(() => PlacementApplication, { nullable: true, description: "The signed-in pupil's own application for it, if any." })
  async myApplication(@Root() placement: Placement, @Ctx() ctx: RequestContext): Promise<PlacementApplication | null> {
    const pupil = placementPupil(ctx.principal);
    if (!pupil) return null;
    return ((await applicationsOf(ctx, placement.id)) ?? []).find((a) => a.pupilId === pupil.pupilId) ?? null;
  }
}

@Resolver(() => PlacementApplication)
export class PlacementApplicationResolver {
  @Authorized('pupil')
  @Query(() => [PlacementApplication], {
    nullable: true,
    description: "The signed-in pupil's placement applications, newest first, with their school's answers.",
  })
  myPlacementApplications(@Ctx() ctx: RequestContext): Promise<PlacementApplication[]> {
    return new PlacementService(ctx.em).mineAsPupil(ctx.principal);
  }

  @Authorized(...SCHOOL_STAFF)
  @Query(() => [PlacementApplication], {
    nullable: true,
    description:
      "Placement applications from the caller's school's pupils, newest first (at most 200). A careers leader's or staff member's read also sends completed placements' work experience still waiting to be recorded.",
  })
  async placementApplications(@Ctx() ctx: EmployersContext): Promise<PlacementApplication[]> {
    const schoolId = placementReaderSchool(ctx.principal);
    if (!schoolId) throw AccessError.forbidden();
    if (ctx.principal.roles.some((role) => (MANAGERS as readonly string[]).includes(role))) await dispatch(ctx, schoolId);
    return new PlacementService(ctx.em.fork()).forSchool(ctx.principal);
  }

  @Authorized('pupil')
  @Mutation(() => PlacementApplicationResult, {
    nullable: true,
    description: 'The signed-in pupil applies for an open placement offered to their school and year group.',
  })
  applyForPlacement(
    @Arg('input', () => ApplyForPlacementInput) input: ApplyForPlacementInput,
    @Ctx() ctx: EmployersContext,
  ): Promise<PlacementApplicationResult> {
    return new PlacementService(ctx.em).apply(ctx.principal, ctx.deps.pupils.me(ctx), input, new Date());
  }

  @Authorized(...MANAGERS)
  @Mutation(() => PlacementApplicationResult, {
    nullable: true,
    description:
      "Approves (taking a place, never more than there are) or declines an application from a pupil at the caller's school, with a message to the pupil.",
  })
  answerPlacementApplication(
    @Arg('input', () => AnswerPlacementApplicationInput) input: AnswerPlacementApplicationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PlacementApplicationResult> {
    return new PlacementService(ctx.em).answer(ctx.principal, input, new Date());
  }

  @FieldResolver(() => Placement)
  async placement(@Root() application: PlacementApplication, @Ctx() ctx: RequestContext): Promise<Placement> {
    const placement = application.placement.dateFrom ? application.placement : await ctx.em.findOneOrFail(Placement, { id: application.placement.id });
    if (!canSeeApplication(ctx.principal, application, placement)) throw AccessError.forbidden();
    return placement;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Why the pupil would like it: for the pupil and staff of their school only (null for the employer).',
  })
  statement(@Root() application: PlacementApplication, @Ctx() ctx: RequestContext): string | null {
    return canReadStatement(ctx.principal, application) ? application.statement : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The school's message to the pupil with its answer: for the pupil and staff of their school only (null for the employer).",
  })
  response(@Root() application: PlacementApplication, @Ctx() ctx: RequestContext): string | null {
    return canReadStatement(ctx.principal, application) ? application.response : null;
  }

  @FieldResolver(() => Boolean, {
    description: 'Completed, and the work experience is still waiting to be recorded (sent when the school next reads its applications).',
  })
  encounterPending(@Root() application: PlacementApplication): boolean {
    return application.status === PlacementApplicationStatus.COMPLETED && !application.encounterId;
  }

  @FieldResolver(() => EncounterStub, { nullable: true, description: 'The work experience recorded for it (the encounters subgraph decides who may read it).' })
  encounter(@Root() application: PlacementApplication, @Ctx() ctx: RequestContext): EncounterStub | null {
    if (!canReadStatement(ctx.principal, application)) return null;
    return application.encounterId ? { id: application.encounterId } : null;
  }
}
