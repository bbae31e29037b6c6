import { Arg, Authorized, Ctx, Mutation, Resolver, UseMiddleware } from 'type-graphql';
import type { RequestContext } from '@waymark/subgraph-kit';
import { auditChange } from '../audit/audit.hooks.js';
import { MarkPupilBackOnRollInput, MarkPupilBackOnRollResult, MarkPupilLeftInput, MarkPupilLeftResult } from './leaving.inputs.js';
import { LeavingService } from './leaving.service.js';

@Resolver()
export class LeavingResolver {
  @Authorized('careers_leader', 'staff')
  @Mutation(() => MarkPupilLeftResult, {
    description:
      "Careers leader or staff of the pupil's current school: one pupil leaves the roll on a day given (not in the future, not before they joined), " +
      'exactly as a full roster import marks a pupil missing from the file. Their record stays with the school, which follows up their destinations.',
  })
  @UseMiddleware(auditChange('leftOn', (args) => ({ pupilId: (args.input as MarkPupilLeftInput).pupilId })))
  markPupilLeft(@Arg('input', () => MarkPupilLeftInput) input: MarkPupilLeftInput, @Ctx() ctx: RequestContext): Promise<MarkPupilLeftResult> {
    return new LeavingService(ctx.em).markPupilLeft(ctx.principal, input);
  }

  @Authorized('careers_leader', 'staff')
  @Mutation(() => MarkPupilBackOnRollResult, {
    description:
      "Careers leader or staff of the pupil's school: undoes a leaving recorded this school year (a pupil marked as left by mistake), so their time at the school goes on as if they had never left. " +
      "An earlier year's leaver comes back through a roster import instead.",
  })
  @UseMiddleware(auditChange('leftOn', (args) => ({ pupilId: (args.input as MarkPupilBackOnRollInput).pupilId })))
  markPupilBackOnRoll(
    @Arg('input', () => MarkPupilBackOnRollInput) input: MarkPupilBackOnRollInput,
    @Ctx() ctx: RequestContext,
  ): Promise<MarkPupilBackOnRollResult> {
    return new LeavingService(ctx.em).markPupilBackOnRoll(ctx.principal, input);
  }
}
