import { Arg, Authorized, Ctx, Mutation, Resolver, UseMiddleware, type ClassType } from 'type-graphql';
import { auditNoteChange, currentPupilIds, remoteAuditSink, withRequestBypass, type RequestContext } from '@waymark/subgraph-kit';
import { PARENT_LINKING_ROLES } from './parent-link.access.js';
import { LinkParentAccountInput, LinkParentAccountResult, UnlinkParentAccountInput, UnlinkParentAccountResult } from './parent-link.inputs.js';
import { ParentLinkService } from './parent-link.service.js';

/**
 * Linking checks the pupil with the pupils subgraph, whose address comes from the app's
 * configuration, so each app gets its own resolver class holding it.
 */
export function parentLinkResolver(config: { pupilsUrl: string }): ClassType {
  const service = (ctx: RequestContext) =>
    // Only a pupil whose current school the caller acts for may get a parent linked.
    new ParentLinkService(
      ctx.em,
      (ids) => currentPupilIds(ctx, config.pupilsUrl, ids),
      (reason, work) => withRequestBypass(ctx, reason, work),
    );
  // A parent linked or unlinked changes who can read the pupil's record: it goes in the data access log.
  const audit = remoteAuditSink(config.pupilsUrl, 'identity');

  @Resolver()
  class ParentLinkResolver {
    @Authorized(...PARENT_LINKING_ROLES)
    @Mutation(() => LinkParentAccountResult, {
      description:
        'Careers leaders and staff: links a parent or carer to a pupil of their school, creating a parent account with a temporary password when the email has none.',
    })
    @UseMiddleware(auditNoteChange(audit, 'parentLinks', (args) => (args.input as LinkParentAccountInput).pupilId))
    linkParentAccount(@Arg('input', () => LinkParentAccountInput) input: LinkParentAccountInput, @Ctx() ctx: RequestContext): Promise<LinkParentAccountResult> {
      return service(ctx).link(ctx.principal, input);
    }

    @Authorized(...PARENT_LINKING_ROLES)
    @Mutation(() => UnlinkParentAccountResult, { description: "Careers leaders and staff: ends a parent's link to a pupil of their school." })
    @UseMiddleware(auditNoteChange(audit, 'parentLinks', (args) => (args.input as UnlinkParentAccountInput).pupilId))
    unlinkParentAccount(
      @Arg('input', () => UnlinkParentAccountInput) input: UnlinkParentAccountInput,
      @Ctx() ctx: RequestContext,
    ): Promise<UnlinkParentAccountResult> {
      return service(ctx).unlink(ctx.principal, input);
    }
  }
  return ParentLinkResolver;
}
