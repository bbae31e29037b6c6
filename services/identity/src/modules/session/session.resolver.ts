import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '@waymark/subgraph-kit';
import { ChangePasswordInput, ChangePasswordResult, EndSignedInDeviceInput, EndSignedInDeviceResult, SignedInDevice } from './session.inputs.js';
import { SessionService } from './session.service.js';
import { ownAccount } from '../account/account.access.js';

@Resolver()
export class SessionResolver {
  @Authorized()
  @Query(() => [SignedInDevice], { nullable: true, description: 'The browsers and apps the signed-in person is signed in on, most recently used first.' })
  signedInDevices(@Ctx() ctx: RequestContext): Promise<SignedInDevice[]> {
    return new SessionService(ctx.em).devices(ctx.principal);
  }

  @Authorized()
  @Mutation(() => EndSignedInDeviceResult, {
    description: "Signs one of the signed-in person's devices out (at once on that device's next request, give or take the gateway's short session cache).",
  })
  endSignedInDevice(@Arg('input', () => EndSignedInDeviceInput) input: EndSignedInDeviceInput, @Ctx() ctx: RequestContext): Promise<EndSignedInDeviceResult> {
    return new SessionService(ctx.em).endDevice(ctx.principal, input);
  }

  @Authorized()
  @Mutation(() => ChangePasswordResult, { description: 'A new password for the signed-in person; every other device they are signed in on is signed out.' })
  changePassword(@Arg('input', () => ChangePasswordInput) input: ChangePasswordInput, @Ctx() ctx: RequestContext): Promise<ChangePasswordResult> {
    return ownAccount(ctx, 'changing the password', (em) => new SessionService(em).changePassword(ctx.principal, input));
  }
}
