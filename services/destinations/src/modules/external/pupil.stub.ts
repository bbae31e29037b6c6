import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The pupils subgraph's Pupil, known here only by its key. This subgraph adds `destinations`,
 * `intendedDestination` and `destinationsSubjectAccess` to it, each module in its own
 * `pupil-<module>.resolver.ts`; everything else comes from pupils.
 */
@ObjectType('Pupil')
@Directive('@key(fields: "id")')
export class PupilStub {
  @Field(() => ID)
  id: string;
}
