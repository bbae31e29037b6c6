import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';
import { localAuthorityOfCode } from '@waymark/domain';
import type { RequestContext } from '@waymark/subgraph-kit';
import { auditChange } from '../audit/audit.hooks.js';
import { Pupil } from '../pupil/pupil.entity.js';
import { canSeeSensitive } from '../pupil/pupil.access.js';
import { PupilError } from '../pupil/pupil.errors.js';
import { LocalAuthority, SetPupilHomeLocalAuthorityInput, SetPupilHomeLocalAuthorityResult } from './home-authority.types.js';
import { setHomeLocalAuthority } from './home-authority.service.js';

/**
 * The local authority a pupil lives in, which the return to each authority is split by
 * (docs/domain-rules.md, "The local authority return"). Read like the vulnerable-group flags: staff of
 * the pupil's school (the destinations subgraph asks with their credential) and trust analysts with
 * pupil-level access; never the pupil, a parent, a former school, a volunteer or an API key. A change
 * is recorded in the data access log; a read is not (like the UPN and tutor group: the return reads
 * every Year 11 and 12 pupil's each time the careers leader opens the destinations page).
 */
@Resolver(() => Pupil)
export class PupilHomeAuthorityResolver {
  @FieldResolver(() => LocalAuthority, {
    nullable: true,
    description: "The local authority the pupil lives in (null: not recorded). Forbidden unless the caller is staff of the pupil's school.",
  })
  homeLocalAuthority(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): LocalAuthority | null {
    if (!canSeeSensitive(ctx.principal, pupil)) throw PupilError.homeLocalAuthorityForbidden();
    const authority = pupil.homeLaCode === null ? null : localAuthorityOfCode(pupil.homeLaCode);
    return authority && Object.assign(new LocalAuthority(), authority);
  }

  @Authorized('careers_leader', 'staff', 'careers_adviser')
  @Mutation(() => SetPupilHomeLocalAuthorityResult, {
    description: "Staff of the pupil's current school: the local authority the pupil lives in, by its three-digit DfE code (null or blank clears it).",
  })
  @UseMiddleware(auditChange('homeLocalAuthority', (args) => ({ pupilId: (args.input as SetPupilHomeLocalAuthorityInput).pupilId })))
  setPupilHomeLocalAuthority(
    @Arg('input', () => SetPupilHomeLocalAuthorityInput) input: SetPupilHomeLocalAuthorityInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SetPupilHomeLocalAuthorityResult> {
    return setHomeLocalAuthority(ctx.em, ctx.principal, input);
  }
}
