import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { checkHashtags } from '@waymark/domain';
import { InputError, isUuid, type RequestContext } from '@waymark/subgraph-kit';
import { roleModelsFor } from './role-model.service.js';
import { RoleModelCard } from './role-model.types.js';

/** Role models for pupils: the public profiles of the people who volunteer with their school. */
@Resolver()
export class RoleModelResolver {
  @Authorized('pupil')
  @Query(() => [RoleModelCard], {
    nullable: true,
    description:
      'A pupil: the role models of their own school (volunteers who work with it, and former pupils it confirmed, who agreed to show a profile), those that speak to more of `interests` (hashtags) first.',
  })
  async roleModels(@Arg('interests', () => [String], { nullable: true }) interests: string[] | null, @Ctx() ctx: RequestContext): Promise<RoleModelCard[]> {
    const schoolId = ctx.principal.schoolId;
    if (!schoolId || !isUuid(schoolId)) throw InputError.invalid('Role models are shown to pupils of a school.');
    const { hashtags, problem } = checkHashtags(interests ?? []);
    if (problem) throw InputError.invalid(problem);
    return roleModelsFor(ctx.em, schoolId, hashtags);
  }
}
