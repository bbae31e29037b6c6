import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { requireOwnAccount, type RequestContext, type SubjectAccessPart } from '@waymark/subgraph-kit';
import { AccountStub } from '../external/account.stub.js';
import { employersSubjectAccess } from './subject-access.service.js';

/**
 * `Account.employersSubjectAccess`: this subgraph's part of a person's own export ("Download my
 * data"). A volunteer belongs to no school's data access log, so nothing is noted; a pupil's own
 * export is noted once, by the pupils subgraph's part (docs/audit-trail.md).
 */
@Resolver(() => AccountStub)
export class AccountSubjectAccessResolver {
  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description:
      "Download my data: everything the employers subgraph holds about this person (a volunteer's profile, organisation and offers; a pupil's placement applications), as { source, sections: [{ title, rows }] }. The person themself only.",
  })
  async employersSubjectAccess(@Root() account: AccountStub, @Ctx() ctx: RequestContext): Promise<SubjectAccessPart> {
    requireOwnAccount(ctx.principal, account.id);
    return employersSubjectAccess(ctx.em, ctx.principal);
  }
}
