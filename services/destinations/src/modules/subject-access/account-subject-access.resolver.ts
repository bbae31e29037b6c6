import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { OWN_SUBJECT_ACCESS_FIELD, requireOwnAccount, type SubjectAccessPart } from '@waymark/subgraph-kit';
import type { DestinationsContext } from '../../app.js';
import { AccountStub } from '../external/account.stub.js';
import { ownDestinationsSubjectAccess, ownPupilId } from './subject-access.service.js';

/** `Account.destinationsSubjectAccess`: this subgraph's part of a person's own export ("Download my data"). */
@Resolver(() => AccountStub)
export class AccountSubjectAccessResolver {
  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description:
      "Download my data: everything the destinations subgraph holds about this person (a pupil's own destinations), as { source, sections: [{ title, rows }] }. The person themself only; a pupil's export is recorded in their school's data access log.",
  })
  async destinationsSubjectAccess(@Root() account: AccountStub, @Ctx() ctx: DestinationsContext): Promise<SubjectAccessPart> {
    requireOwnAccount(ctx.principal, account.id);
    const part = await ownDestinationsSubjectAccess(ctx.em, ctx.principal);
    const pupilId = ownPupilId(ctx.principal);
    if (pupilId) ctx.audit.note(ctx.deps.pupils.auditSink, pupilId, 'EXPORT', OWN_SUBJECT_ACCESS_FIELD);
    return part;
  }
}
