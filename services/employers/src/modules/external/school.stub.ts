import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The pupils subgraph's School, known here only by its key; the gateway fetches the rest there. */
@ObjectType('School')
@Directive('@key(fields: "id", resolvable: false)')
export class SchoolStub {
  @Field(() => ID)
  id: string;
}
