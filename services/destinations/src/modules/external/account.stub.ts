import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The identity subgraph's Account, known here only by its key. This subgraph adds
 * `destinationsSubjectAccess` (subject-access/account-subject-access.resolver.ts); everything else
 * comes from identity.
 */
@ObjectType('Account')
@Directive('@key(fields: "id")')
export class AccountStub {
  @Field(() => ID)
  id: string;
}
