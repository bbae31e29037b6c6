import { hasRole, type Principal } from '@waymark/auth';
import { currentPupilIds, isUuid, type ReferenceResolver, type RequestContext } from '@waymark/subgraph-kit';
import { Ctx, Field, FieldResolver, ID, ObjectType, Resolver, Root, type ClassType } from 'type-graphql';
import { Account } from '../account/account.entity.js';
import { PupilStub } from '../external/pupil.stub.js';
import { isParentAccount, PARENT_LINKING_ROLES } from './parent-link.access.js';

@ObjectType({ description: 'A parent or carer linked to a pupil: who they are, for the staff who manage the links.' })
export class LinkedParent {
  @Field(() => ID)
  accountId: string;

  @Field()
  displayName: string;

  @Field()
  email: string;
}

/** Staff who may link parents (a careers leader or member of staff, signed in as a person). */
function mayManageLinks(principal: Principal): boolean {
  return principal.kind === 'user' && hasRole(principal, ...PARENT_LINKING_ROLES) && !!principal.schoolId;
}

/** The gateway joins `linkedParents` onto a Pupil here: only for staff who may manage links (the field checks the pupil). */
export const resolvePupilReference: ReferenceResolver = async (reference, ctx) =>
  mayManageLinks(ctx.principal) && isUuid(reference.id) ? { id: reference.id.toLowerCase() } : null;

/**
 * `Pupil.linkedParents`: staff of the pupil's current school (careers leaders and staff) see who is
 * linked to the pupil, to link or unlink them; everyone else gets null. The pupils subgraph says
 * whether the pupil is on roll at the caller's school, with the caller's credential.
 */
export function pupilParentLinksResolver(config: { pupilsUrl: string }): ClassType {
  @Resolver(() => PupilStub)
  class PupilParentLinksResolver {
    @FieldResolver(() => [LinkedParent], {
      nullable: true,
      description: "The parents and carers linked to the pupil, by name. Careers leaders and staff of the pupil's current school; null for anyone else.",
    })
    async linkedParents(@Root() pupil: PupilStub, @Ctx() ctx: RequestContext): Promise<LinkedParent[] | null> {
      if (!mayManageLinks(ctx.principal) || !isUuid(pupil.id)) return null;
      const id = pupil.id.toLowerCase();
      if (!(await currentPupilIds(ctx, config.pupilsUrl, [id])).has(id)) return null;
      const accounts = await ctx.em.find(Account, { childPupilIds: { $contains: [id] } }, { orderBy: { displayName: 'asc' } });
      return accounts.filter(isParentAccount).map((account) => ({ accountId: account.id, displayName: account.displayName, email: account.email }));
    }
  }
  return PupilParentLinksResolver;
}
