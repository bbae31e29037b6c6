import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loaderFor, type RequestContext } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { Encounter, Participation } from '../encounter/encounter.entity.js';
import { encounterLoader } from '../encounter/encounter.resolver.js';
import { EngagementFeedbackService, hasHappened, isLeaderOf, ownVolunteerId, type PupilNames } from './engagement-feedback.service.js';
import {
  EngagementFeedbackView,
  FeedbackPupil,
  GiveEngagementFeedbackInput,
  GiveEngagementFeedbackResult,
  GivePupilFeedbackInput,
  GivePupilFeedbackResult,
  PupilFeedbackNote,
  ThankVolunteerInput,
  ThankVolunteerResult,
  VolunteerThanksView,
} from './engagement-feedback.types.js';

const VOLUNTEERS = ['employer_volunteer', 'alumni'] as const;

/** The pupils subgraph, asked with the volunteer's own credential once the service has checked they may know these pupils. */
const pupilNames =
  (ctx: EncountersContext): PupilNames =>
  (ids) =>
    ctx.deps.pupils.volunteerPupilNames(ctx, ids);

/** The encounters behind a batch of ids, as far as the caller may read them. */
async function encountersOf(ctx: RequestContext, ids: readonly string[]): Promise<Encounter[]> {
  return (await encounterLoader(ctx).loadMany(ids)).filter((e): e is Encounter => e instanceof Encounter);
}

@Resolver()
export class EngagementFeedbackMutations {
  @Authorized(...VOLUNTEERS)
  @Query(() => Encounter, { nullable: true, description: 'An encounter the signed-in volunteer delivered; null for any other.' })
  myEngagement(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Encounter | null> {
    return new EngagementFeedbackService(ctx).deliveredBy(ctx.principal, id);
  }

  @Authorized(...VOLUNTEERS)
  @Mutation(() => GiveEngagementFeedbackResult, {
    description:
      'A volunteer who delivered an encounter, once it has happened: feedback on the pupils as a group and on how the school organised it. Giving it again changes it.',
  })
  giveEngagementFeedback(
    @Arg('input', () => GiveEngagementFeedbackInput) input: GiveEngagementFeedbackInput,
    @Ctx() ctx: RequestContext,
  ): Promise<GiveEngagementFeedbackResult> {
    return new EngagementFeedbackService(ctx).giveFeedback(ctx.principal, input);
  }

  @Authorized(...VOLUNTEERS)
  @Mutation(() => GivePupilFeedbackResult, {
    description:
      'A volunteer who delivered a workplace experience, once it has happened: feedback for pupils who attended it, which each pupil reads. All saved or none; giving it again changes it.',
  })
  givePupilFeedback(
    @Arg('input', () => GivePupilFeedbackInput) input: GivePupilFeedbackInput,
    @Ctx() ctx: EncountersContext,
  ): Promise<GivePupilFeedbackResult> {
    return new EngagementFeedbackService(ctx).givePupilFeedback(ctx.principal, input, pupilNames(ctx));
  }

  @Authorized('careers_leader')
  @Mutation(() => ThankVolunteerResult, {
    description:
      'A careers leader of the school that ran an encounter thanks a volunteer who delivered it, once it has happened: a message the volunteer reads and a rating the school keeps. Giving it again changes it.',
  })
  thankVolunteer(@Arg('input', () => ThankVolunteerInput) input: ThankVolunteerInput, @Ctx() ctx: RequestContext): Promise<ThankVolunteerResult> {
    return new EngagementFeedbackService(ctx).thank(ctx.principal, input);
  }
}

@Resolver(() => Encounter)
export class EncounterFeedbackResolver {
  @FieldResolver(() => Boolean, {
    description: 'Whether the caller is a volunteer who delivered this encounter and it has happened, so they can give feedback.',
  })
  canGiveFeedback(@Root() encounter: Encounter, @Ctx() ctx: RequestContext): boolean {
    const volunteerId = ownVolunteerId(ctx.principal);
    return volunteerId !== null && encounter.volunteerIds.includes(volunteerId) && hasHappened(encounter);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the caller is a careers leader of the school that ran it and it has happened, so they can thank its volunteers.',
  })
  canThankVolunteers(@Root() encounter: Encounter, @Ctx() ctx: RequestContext): boolean {
    return isLeaderOf(ctx.principal, encounter.schoolId) && hasHappened(encounter);
  }

  @FieldResolver(() => [EngagementFeedbackView], {
    description:
      "Volunteers' feedback. Staff of the school: every volunteer's (how the school organised it: careers leaders only); a volunteer: their own; empty for anyone else.",
  })
  async engagementFeedback(@Root() encounter: Encounter, @Ctx() ctx: RequestContext): Promise<EngagementFeedbackView[]> {
    const rows = await loaderFor<EngagementFeedbackView[]>(ctx, 'engagementFeedback', async (ids) => {
      const byEncounter = await new EngagementFeedbackService(ctx).feedbackOn(ctx.principal, await encountersOf(ctx, ids));
      return ids.map((id) => byEncounter.get(id) ?? []);
    }).load(encounter.id);
    return rows ?? [];
  }

  @FieldResolver(() => [VolunteerThanksView], {
    description:
      "The school's thanks to its volunteers. Staff of the school: every one, with the rating; a volunteer: their own, without it; empty for anyone else.",
  })
  async volunteerThanks(@Root() encounter: Encounter, @Ctx() ctx: RequestContext): Promise<VolunteerThanksView[]> {
    const rows = await loaderFor<VolunteerThanksView[]>(ctx, 'volunteerThanks', async (ids) => {
      const byEncounter = await new EngagementFeedbackService(ctx).thanksOn(ctx.principal, await encountersOf(ctx, ids));
      return ids.map((id) => byEncounter.get(id) ?? []);
    }).load(encounter.id);
    return rows ?? [];
  }

  @FieldResolver(() => [FeedbackPupil], {
    nullable: true,
    description:
      'A workplace experience that has happened: the pupils who attended, by first name and year group, for the volunteer who delivered it to give each feedback. Null for anyone else and any other encounter.',
  })
  feedbackPupils(@Root() encounter: Encounter, @Ctx() ctx: EncountersContext): Promise<FeedbackPupil[] | null> {
    return new EngagementFeedbackService(ctx).feedbackPupils(ctx.principal, encounter, pupilNames(ctx));
  }
}

/** The register rows a request has asked `volunteerFeedback` of, so one batch reads the notes of all of them. */
const rowsAsked = new WeakMap<RequestContext, Map<string, Participation>>();

@Resolver(() => Participation)
export class ParticipationFeedbackResolver {
  @FieldResolver(() => [PupilFeedbackNote], {
    description:
      "Volunteers' feedback for this pupil after a workplace experience. The pupil themself and staff of the school that ran it; empty for anyone else.",
  })
  async volunteerFeedback(@Root() row: Participation, @Ctx() ctx: RequestContext): Promise<PupilFeedbackNote[]> {
    const asked = rowsAsked.get(ctx) ?? new Map<string, Participation>();
    rowsAsked.set(ctx, asked.set(row.id, row));
    const notes = await loaderFor<PupilFeedbackNote[]>(ctx, 'volunteerFeedbackNotes', async (ids) => {
      const rows = ids.map((id) => asked.get(id)).filter((p): p is Participation => p !== undefined);
      const byRow = await new EngagementFeedbackService(ctx).notesFor(ctx.principal, rows);
      return ids.map((id) => byRow.get(id) ?? []);
    }).load(row.id);
    return notes ?? [];
  }
}
