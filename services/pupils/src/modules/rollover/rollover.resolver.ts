import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '@waymark/subgraph-kit';
import { RollOverYearResult } from './rollover.entity.js';
import { RollOverYearInput } from './rollover.inputs.js';
import { RolloverService } from './rollover.service.js';

@Resolver()
export class RolloverResolver {
  @Authorized('careers_leader')
  @Mutation(() => RollOverYearResult, { description: 'Careers leader: moves the school into a new academic year, once per year.' })
  rollOverYear(@Arg('input', () => RollOverYearInput) input: RollOverYearInput, @Ctx() ctx: RequestContext): Promise<RollOverYearResult> {
    return new RolloverService(ctx.em).rollOver(ctx.principal, input.academicYear);
  }
}
