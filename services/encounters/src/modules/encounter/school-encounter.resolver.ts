import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { loaderFor, type RequestContext } from '@waymark/subgraph-kit';
import { School } from '../external/external.entity.js';
import { EncounterService } from './encounter.service.js';

/** `School.encounterCount`, for those who may count the school's encounters. */
@Resolver(() => School)
export class SchoolEncounterResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'Staff of the school or analysts of its trust; null otherwise.' })
  encounterCount(@Root() school: School, @Ctx() ctx: RequestContext): Promise<number | null> {
    return loaderFor<number>(ctx, 'encounterCount', async (ids) => {
      const counts = await new EncounterService(ctx.em).countBySchool(ctx.principal, ids);
      return ids.map((id) => counts.get(id) ?? null);
    }).load(school.id);
  }
}
