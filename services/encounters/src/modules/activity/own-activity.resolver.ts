import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OWN_ACTIVITY_KINDS } from '@waymark/domain';
import type { RequestContext } from '@waymark/subgraph-kit';
import { Pupil, stubOf } from '../external/external.entity.js';
import { OwnActivity, OwnActivityResult, OwnActivityStatus } from './own-activity.entity.js';
import { SubmitOwnActivityInput } from './own-activity.inputs.js';
import { OwnActivityService } from './own-activity.service.js';

const STAFF = ['careers_leader', 'staff', 'careers_adviser'] as const;

@Resolver(() => OwnActivity)
export class OwnActivityResolver {
  @Authorized(...STAFF)
  @Query(() => [OwnActivity], {
    nullable: true,
    description: "Staff: pupils' own activities at their school waiting for a decision (or with the status given).",
  })
  activitiesToVerify(
    @Arg('status', () => OwnActivityStatus, { nullable: true, defaultValue: OwnActivityStatus.SUBMITTED }) status: OwnActivityStatus,
    @Ctx() ctx: RequestContext,
  ): Promise<OwnActivity[]> {
    return new OwnActivityService(ctx.em).toVerify(ctx.principal, status);
  }

  @FieldResolver(() => String)
  kindLabel(@Root() activity: OwnActivity): string {
    return OWN_ACTIVITY_KINDS[activity.kind].label;
  }

  @FieldResolver(() => Pupil, { nullable: true })
  pupil(@Root() activity: OwnActivity): Pupil {
    return stubOf(Pupil, activity.pupilId);
  }

  @Authorized('pupil')
  @Mutation(() => OwnActivityResult, { description: 'A pupil adds something they did themself, for staff of their school to verify.' })
  submitOwnActivity(@Arg('input', () => SubmitOwnActivityInput) input: SubmitOwnActivityInput, @Ctx() ctx: RequestContext): Promise<OwnActivityResult> {
    return new OwnActivityService(ctx.em).submit(ctx.principal, input);
  }

  @Authorized(...STAFF)
  @Mutation(() => OwnActivityResult, { description: 'Staff: the activity happened as described; it now counts.' })
  verifyOwnActivity(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<OwnActivityResult> {
    return new OwnActivityService(ctx.em).decide(ctx.principal, id, { verified: true });
  }

  @Authorized(...STAFF)
  @Mutation(() => OwnActivityResult, { description: 'Staff: the activity does not count; the reason is shown to the pupil.' })
  declineOwnActivity(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext): Promise<OwnActivityResult> {
    return new OwnActivityService(ctx.em).decide(ctx.principal, id, { verified: false, reason });
  }
}
