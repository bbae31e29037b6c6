import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '@waymark/subgraph-kit';
import { Employer } from './employer.entity.js';
import { listEmployers } from './employer.service.js';

@Resolver(() => Employer)
export class EmployerResolver {
  @Authorized()
  @Query(() => [Employer], { nullable: true, description: 'Every employer and provider, by name. Any signed-in person.' })
  employers(@Ctx() ctx: RequestContext): Promise<Employer[]> {
    return listEmployers(ctx.em);
  }
}
