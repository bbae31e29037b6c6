import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '@waymark/subgraph-kit';
import {
  ConfirmSecondFactorInput,
  ConfirmSecondFactorResult,
  CreateRecoveryCodesInput,
  CreateRecoveryCodesResult,
  SecondFactorStatus,
  SetSecondFactorRequirementInput,
  SetSecondFactorRequirementResult,
  StartSecondFactorEnrolmentResult,
  TurnOffSecondFactorInput,
  TurnOffSecondFactorResult,
} from './second-factor.inputs.js';
import { SECOND_FACTOR_ROLES } from './second-factor.access.js';
import { SecondFactorService } from './second-factor.service.js';
import { ownAccount } from '../account/account.access.js';

@Resolver()
export class SecondFactorResolver {
  @Authorized(...SECOND_FACTOR_ROLES)
  @Query(() => SecondFactorStatus, { nullable: true, description: 'Staff and analysts: whether signing in asks them for a code from an authenticator app.' })
  secondFactor(@Ctx() ctx: RequestContext): Promise<SecondFactorStatus> {
    return ownAccount(ctx, 'second factor', (em) => new SecondFactorService(em).status(ctx.principal));
  }

  @Authorized(...SECOND_FACTOR_ROLES)
  @Mutation(() => StartSecondFactorEnrolmentResult, {
    description: 'Staff and analysts: a secret for their authenticator app; confirmSecondFactor with a code from it turns the second factor on.',
  })
  startSecondFactorEnrolment(@Ctx() ctx: RequestContext): Promise<StartSecondFactorEnrolmentResult> {
    return ownAccount(ctx, 'second factor', (em) => new SecondFactorService(em).startEnrolment(ctx.principal));
  }

  @Authorized(...SECOND_FACTOR_ROLES)
  @Mutation(() => ConfirmSecondFactorResult, {
    description: 'Turns the second factor on with a code from the app just set up; answers with one-time recovery codes.',
  })
  confirmSecondFactor(
    @Arg('input', () => ConfirmSecondFactorInput) input: ConfirmSecondFactorInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ConfirmSecondFactorResult> {
    return ownAccount(ctx, 'second factor', (em) => new SecondFactorService(em).confirmEnrolment(ctx.principal, input));
  }

  @Authorized(...SECOND_FACTOR_ROLES)
  @Mutation(() => CreateRecoveryCodesResult, { description: 'New one-time recovery codes, with a code from the app; the old ones stop working.' })
  createRecoveryCodes(
    @Arg('input', () => CreateRecoveryCodesInput) input: CreateRecoveryCodesInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CreateRecoveryCodesResult> {
    return ownAccount(ctx, 'second factor', (em) => new SecondFactorService(em).createRecoveryCodes(ctx.principal, input));
  }

  @Authorized(...SECOND_FACTOR_ROLES)
  @Mutation(() => TurnOffSecondFactorResult, {
    description: 'Stops asking for a code at sign-in, after the password; refused while the school or trust requires it.',
  })
  turnOffSecondFactor(
    @Arg('input', () => TurnOffSecondFactorInput) input: TurnOffSecondFactorInput,
    @Ctx() ctx: RequestContext,
  ): Promise<TurnOffSecondFactorResult> {
    return ownAccount(ctx, 'second factor', (em) => new SecondFactorService(em).turnOff(ctx.principal, input));
  }

  @Authorized('careers_leader', 'trust_analyst')
  @Query(() => Boolean, {
    nullable: true,
    description:
      'Careers leaders: whether their school requires a second factor of its staff; trust analysts: whether their trust requires it of everyone in it.',
  })
  secondFactorRequired(@Ctx() ctx: RequestContext): Promise<boolean> {
    return new SecondFactorService(ctx.em).requirement(ctx.principal);
  }

  @Authorized('careers_leader', 'trust_analyst')
  @Mutation(() => SetSecondFactorRequirementResult, {
    description:
      'Careers leaders for their school, trust analysts for their trust: require a code from an authenticator app at every staff and analyst sign-in, or stop requiring it.',
  })
  setSecondFactorRequirement(
    @Arg('input', () => SetSecondFactorRequirementInput) input: SetSecondFactorRequirementInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SetSecondFactorRequirementResult> {
    return new SecondFactorService(ctx.em).setRequirement(ctx.principal, input);
  }
}
