import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { OWN_SUBJECT_ACCESS_FIELD, requireOwnAccount, type RequestContext, type SubjectAccessPart } from '@waymark/subgraph-kit';
import { pupilsAuditSink } from '../audit/audit.hooks.js';
import { AccountStub } from '../external/account.stub.js';
import { ownSubjectAccess } from './own-subject-access.service.js';

/** `Account.pupilsSubjectAccess`: this subgraph's part of a person's own export ("Download my data"). */
@Resolver(() => AccountStub)
export class AccountSubjectAccessResolver {
  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description:
      "Download my data: everything the pupils subgraph holds about this person, as { source, sections: [{ title, rows }] }: a pupil's own record, a parent's children's names, and the comments and consent they wrote or set. The person themself only; recorded in the data access log of each pupil it names.",
  })
  async pupilsSubjectAccess(@Root() account: AccountStub, @Ctx() ctx: RequestContext): Promise<SubjectAccessPart> {
    requireOwnAccount(ctx.principal, account.id);
    const { part, recordedFor } = await ownSubjectAccess(ctx.em, ctx.principal);
    // Each pupil it names is recorded in the log of that pupil's school: a pupil's own record, a parent's
    // children, the pupils a member of staff commented on or set consent for.
    for (const pupilId of recordedFor) ctx.audit.note(pupilsAuditSink, pupilId, 'EXPORT', OWN_SUBJECT_ACCESS_FIELD);
    return part;
  }
}
