import { Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { hasRole } from '@waymark/auth';
import { OWN_SUBJECT_ACCESS_FIELD, remoteAuditSink, requireOwnAccount, type RequestContext, type SubjectAccessPart } from '@waymark/subgraph-kit';
import { Account } from '../account/account.entity.js';
import { identitySubjectAccess } from './subject-access.service.js';
import { ownAccount } from '../account/account.access.js';

/**
 * `Account.identitySubjectAccess`: this subgraph's part of a person's own export. The audit sink sends
 * to the pupils subgraph at the app's configured address, so each app gets its own resolver class.
 */
export function accountSubjectAccessResolver(config: { pupilsUrl: string }): ClassType {
  const audit = remoteAuditSink(config.pupilsUrl, 'identity');

  @Resolver(() => Account)
  class AccountSubjectAccessResolver {
    @FieldResolver(() => GraphQLJSONObject, {
      nullable: true,
      description:
        "Download my data: everything the identity subgraph holds about this person, as { source, sections: [{ title, rows }] } (secrets are named, never given). The person themself only; a pupil's export is recorded in their school's data access log.",
    })
    async identitySubjectAccess(@Root() account: Account, @Ctx() ctx: RequestContext): Promise<SubjectAccessPart> {
      requireOwnAccount(ctx.principal, account.id);
      const part = await ownAccount(ctx, 'Download my data', (em) => identitySubjectAccess(em, account.id));
      // A pupil's data leaving Waymark goes in their school's log. A parent's is recorded by the pupils
      // subgraph, which names their children; a volunteer belongs to no school's log (docs/audit-trail.md).
      const { principal } = ctx;
      if (hasRole(principal, 'pupil') && principal.pupilId) ctx.audit.note(audit, principal.pupilId, 'EXPORT', OWN_SUBJECT_ACCESS_FIELD);
      return part;
    }
  }
  return AccountSubjectAccessResolver;
}
