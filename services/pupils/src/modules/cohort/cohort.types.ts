import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * The pupils on roll at some schools on a day, as parallel arrays (one entry per pupil): what the
 * benchmark engine in the encounters subgraph aggregates over. Subgraph-to-subgraph only
 * (`@inaccessible`): it never appears in the public supergraph.
 */
@ObjectType()
@Directive('@inaccessible')
export class Cohort {
  @Field(() => [ID], { description: 'The schools asked for that the caller may read (all of an analyst\'s trust when none were named).' })
  schoolsAllowed: string[];

  @Field(() => [ID])
  pupilIds: string[];

  @Field(() => [ID])
  schoolIds: string[];

  @Field(() => [Int], { description: 'Year group in the academic year of `asOf`; 0 when unknown.' })
  yearGroups: number[];

  @Field(() => [Int], { description: 'Bit i set when the pupil is in VULNERABLE_GROUPS[i]; 0 for callers who may not read flags.' })
  groupMasks: number[];

  @Field(() => [String], { nullable: 'items' })
  tutorGroups: (string | null)[];

  @Field(() => [String])
  upns: string[];
}
