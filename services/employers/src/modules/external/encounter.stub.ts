import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The encounters subgraph's Encounter, known here only by its key; the gateway fetches the rest there, under its rules. */
@ObjectType('Encounter')
@Directive('@key(fields: "id", resolvable: false)')
export class EncounterStub {
  @Field(() => ID)
  id: string;
}
