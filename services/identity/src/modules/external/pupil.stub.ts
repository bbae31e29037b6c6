import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The pupils subgraph's Pupil, known here only by its key. This subgraph adds `linkedParents` to it
 * (modules/parent-link/pupil-parent-links.resolver.ts); everything else comes from pupils.
 */
@ObjectType('Pupil')
@Directive('@key(fields: "id")')
export class PupilStub {
  @Field(() => ID)
  id: string;
}
