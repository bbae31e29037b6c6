import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';
import type { RequestContext } from '@waymark/subgraph-kit';
import { auditChange, auditPupilRead } from '../audit/audit.hooks.js';
import { Pupil } from '../pupil/pupil.entity.js';
import { canSeeSensitive } from '../pupil/pupil.access.js';
import { PupilError } from '../pupil/pupil.errors.js';
import { homeAddressOf, parentCarerOf, setPupilAddress } from './address.service.js';
import { ParentCarer, PostalAddress, SetPupilAddressInput, SetPupilAddressResult } from './address.types.js';

/**
 * The pupil's postal address and a parent's or carer's name and address, kept only for the local
 * authority return (docs/domain-rules.md, "The local authority return"). Read with the rule of the
 * home local authority: staff of the pupil's school (the destinations subgraph asks with their
 * credential) and trust analysts with pupil-level access; never the pupil, a parent, a former school,
 * a volunteer or any API key (a school's own MIS key included). Unlike the home local authority, each read is recorded in the data access
 * log (like the date of birth), and so is each change.
 */
@Resolver(() => Pupil)
export class PupilAddressResolver {
  @FieldResolver(() => PostalAddress, {
    nullable: true,
    description: "The pupil's postal address, for the local authority return (null: not recorded). Forbidden unless the caller is staff of the pupil's school.",
  })
  @UseMiddleware(auditPupilRead('homeAddress'))
  homeAddress(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): PostalAddress | null {
    if (!canSeeSensitive(ctx.principal, pupil)) throw PupilError.addressForbidden();
    return homeAddressOf(pupil);
  }

  @FieldResolver(() => ParentCarer, {
    nullable: true,
    description:
      "A parent's or carer's name and address, for the local authority return (null: not recorded). Forbidden unless the caller is staff of the pupil's school.",
  })
  @UseMiddleware(auditPupilRead('parentCarer'))
  parentCarer(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): ParentCarer | null {
    if (!canSeeSensitive(ctx.principal, pupil)) throw PupilError.addressForbidden();
    return parentCarerOf(pupil);
  }

  @Authorized('careers_leader', 'staff', 'careers_adviser')
  @Mutation(() => SetPupilAddressResult, {
    description:
      "Staff of the pupil's current school: the pupil's address and a parent's or carer's name and address, each replaced when given and cleared by null. A bad part (such as a postcode that is not a UK postcode) is an error naming its field, and nothing is saved.",
  })
  @UseMiddleware(auditChange('address', (args) => ({ pupilId: (args.input as SetPupilAddressInput).pupilId })))
  setPupilAddress(@Arg('input', () => SetPupilAddressInput) input: SetPupilAddressInput, @Ctx() ctx: RequestContext): Promise<SetPupilAddressResult> {
    return setPupilAddress(ctx.em, ctx.principal, input);
  }
}
