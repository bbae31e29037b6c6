import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A school as an anonymous volunteer's sign-up form may see it: only what is public anyway (the DfE
 * publishes names, URNs and local authorities), and nothing about its pupils, staff or settings.
 */
@Directive('@inaccessible')
@ObjectType()
export class SchoolForSignUp {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  /** Tells apart schools with the same name. */
  @Field()
  localAuthority: string;

  @Field()
  urn: string;
}
