import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '@waymark/subgraph-kit';
import { PupilLevelAccessService } from './pupil-level-access.service.js';
import {
  GrantPupilLevelAccessInput,
  GrantPupilLevelAccessResult,
  TrustAnalyst,
  WithdrawPupilLevelAccessInput,
  WithdrawPupilLevelAccessResult,
} from './pupil-level-access.types.js';

@Resolver()
export class PupilLevelAccessResolver {
  @Authorized('trust_analyst')
  @Query(() => [TrustAnalyst], {
    nullable: true,
    description: "Trust analysts: their trust's analysts, whether each has pupil-level access, and who last granted or withdrew it and when.",
  })
  trustAnalysts(@Ctx() ctx: RequestContext): Promise<TrustAnalyst[]> {
    return new PupilLevelAccessService(ctx.em).list(ctx.principal);
  }

  @Authorized('trust_analyst')
  @Mutation(() => GrantPupilLevelAccessResult, {
    description:
      'Trust analysts who have pupil-level access: gives it to another analyst of their trust (from that analyst’s next request). Never to themselves.',
  })
  grantPupilLevelAccess(
    @Arg('input', () => GrantPupilLevelAccessInput) input: GrantPupilLevelAccessInput,
    @Ctx() ctx: RequestContext,
  ): Promise<GrantPupilLevelAccessResult> {
    return new PupilLevelAccessService(ctx.em).grant(ctx.principal, input);
  }

  @Authorized('trust_analyst')
  @Mutation(() => WithdrawPupilLevelAccessResult, {
    description:
      'Trust analysts who have pupil-level access: takes it away from another analyst of their trust (from that analyst’s next request). Never from themselves.',
  })
  withdrawPupilLevelAccess(
    @Arg('input', () => WithdrawPupilLevelAccessInput) input: WithdrawPupilLevelAccessInput,
    @Ctx() ctx: RequestContext,
  ): Promise<WithdrawPupilLevelAccessResult> {
    return new PupilLevelAccessService(ctx.em).withdraw(ctx.principal, input);
  }
}
