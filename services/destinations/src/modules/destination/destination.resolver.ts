import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { DESTINATION_KINDS } from '@waymark/domain';
import type { DestinationsContext } from '../../app.js';
import { PupilStub } from '../external/pupil.stub.js';
import { Destination, DestinationCount } from './destination.entity.js';
import { DestinationService } from './destination.service.js';

/** Destination's root fields and fields; the pupils subgraph says which schools are a trust's. */
@Resolver(() => Destination)
export class DestinationResolver {
  @Authorized('careers_leader', 'staff', 'careers_adviser', 'trust_analyst')
  @Query(() => [DestinationCount], {
    nullable: true,
    description: 'Immediate destinations of leavers by kind. Staff: their own school. Trust analysts: one school of the trust, or the whole trust.',
  })
  destinationSummary(
    @Arg('schoolId', () => ID, { nullable: true }) schoolId: string | null | undefined,
    @Ctx() ctx: DestinationsContext,
  ): Promise<DestinationCount[]> {
    return new DestinationService(ctx.em).summary(ctx.principal, schoolId, (id, trustId) => ctx.deps.pupils.schoolIsInTrust(ctx, id, trustId));
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
