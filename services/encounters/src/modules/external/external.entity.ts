import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Other subgraphs' entities as this subgraph knows them: the key, plus the fields this subgraph adds.
 * The gateway fetches everything else from the owning subgraph.
 */

@ObjectType()
@Directive('@key(fields: "id")')
export class School {
  @Field(() => ID)
  id: string;

  /**
   * The pupils subgraph's; this subgraph hands it back only where a field says `@provides(fields:
   * "name")` (a school's dashboard, which has it from the cohort call), and the gateway asks the pupils
   * subgraph everywhere else.
   */
  @Field(() => String)
  @Directive('@external')
  name?: string;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class Employer {
  @Field(() => ID)
  id: string;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class Volunteer {
  @Field(() => ID)
  id: string;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class Pupil {
  @Field(() => ID)
  id: string;
}

/** The identity subgraph's Account: this subgraph adds the person's own export (`encountersSubjectAccess`). */
@ObjectType()
@Directive('@key(fields: "id")')
export class Account {
  @Field(() => ID)
  id: string;
}

export function stubOf<T extends { id: string }>(type: new () => T, id: string): T {
  return Object.assign(new type(), { id });
}
