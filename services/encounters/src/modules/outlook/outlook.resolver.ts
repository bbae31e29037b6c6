import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import { checkHashtags } from '@waymark/domain';
import { AccessError, mutationError, pupilRecordRoute, scopeOf, MutationError, type RequestContext } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { Pupil, stubOf } from '../external/external.entity.js';
import { PupilOutlook } from './pupil-outlook.entity.js';

@ObjectType()
export class SetInterestsResult {
  @Field(() => Pupil, { nullable: true })
  pupil: Pupil | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@Resolver()
export class OutlookMutations {
  @Authorized('pupil')
  @Mutation(() => SetInterestsResult, { description: "A pupil's interests, as hashtags (replacing the ones before)." })
  async setInterests(@Arg('hashtags', () => [String]) hashtags: string[], @Ctx() ctx: RequestContext): Promise<SetInterestsResult> {
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'pupil') throw AccessError.forbidden();
    const { hashtags: tags, problem } = checkHashtags(hashtags);
    if (problem) return { pupil: null, error: mutationError('INTERESTS_INVALID', problem, [{ field: 'hashtags', message: problem }]) };
    await ctx.em.upsert(PupilOutlook, { pupilId: scope.pupilId, interests: tags, updatedAt: new Date() });
    return { pupil: stubOf(Pupil, scope.pupilId), error: null };
  }

  @Authorized('pupil', 'careers_leader', 'staff', 'careers_adviser')
  @Mutation(() => SetInterestsResult, { description: 'Whether a pupil is considering higher education: the pupil themself, or staff of their current school.' })
  async setConsideringHigherEducation(
    @Arg('pupilId', () => ID) pupilId: string,
    @Arg('considering') considering: boolean,
    @Ctx() ctx: EncountersContext,
  ): Promise<SetInterestsResult> {
    const route = pupilRecordRoute(ctx.principal, pupilId);
    const allowed = route === 'own' || (scopeOf(ctx.principal).kind === 'school' && (await ctx.deps.pupils.currentPupilIds(ctx, [pupilId])).has(pupilId));
    if (!allowed) return { pupil: null, error: mutationError('PUPIL_NOT_FOUND', 'There is no such pupil at your school.') };
    const existing = await ctx.em.findOne(PupilOutlook, { pupilId });
    if (existing) {
      existing.consideringHigherEducation = considering;
      existing.updatedAt = new Date();
    } else {
      ctx.em.create(PupilOutlook, { pupilId, consideringHigherEducation: considering, updatedAt: new Date() });
    }
    await ctx.em.flush();
    return { pupil: stubOf(Pupil, pupilId), error: null };
  }
}
