import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { schoolIsInTrust, type RequestContext } from '@waymark/subgraph-kit';
import { DESTINATION_KINDS } from '@waymark/domain';
import { PupilStub } from '../external/pupil.stub.js';
import { Destination, DestinationCount } from './destination.entity.js';
import { DestinationService } from './destination.service.js';

/** Destination's root fields and fields; the app's pupils subgraph address decides which schools are a trust's. */
export function destinationResolver(config: { pupilsUrl: string }): ClassType {
  @Resolver(() => Destination)
  class DestinationResolver {
    @Authorized('careers_leader', 'staff', 'careers_adviser', 'trust_analyst')
    @Query(() => [DestinationCount], {
      nullable: true,
      description: 'Immediate destinations of leavers by kind. Staff: their own school. Trust analysts: one school of the trust, or the whole trust.',
    })
    destinationSummary(
      @Arg('schoolId', () => ID, { nullable: true }) schoolId: string | null | undefined,
      @Ctx() ctx: RequestContext,
    ): Promise<DestinationCount[]> {
      return new DestinationService(ctx.em).summary(ctx.principal, schoolId, (id, trustId) => schoolIsInTrust(ctx, config.pupilsUrl, id, trustId));
    }

    @FieldResolver(() => String)
    kindLabel(@Root() destination: Destination): string {
      return DESTINATION_KINDS[destination.kind];
    }

    @FieldResolver(() => PupilStub, { nullable: true })
    pupil(@Root() destination: Destination): PupilStub {
      return { id: destination.pupilId };
    }
  }
  return DestinationResolver;
}
