import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * The pupils on roll at some schools on a day, as parallel arrays (one entry per pupil): what the
 * benchmark engine in the encounters subgraph aggregates over. Subgraph-to-subgraph only
 * (`@inaccessible`): it never appears in the public supergraph.
 */
@ObjectType()
@Directive('@inaccessible')
export class Cohort {
  @Field(() => [ID], { description: "The schools asked for that the caller may read (all of an analyst's trust when none were named)." })
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

  @Field(() => [Int], {
    description:
      'The summer each pupil finishes (or finished) Year 11, from their date of birth (docs/domain-rules.md, "Who is a Year 11 leaver"); never the date itself.',
  })
  leavingYears: number[];

  @Field(() => [Boolean], {
    description: 'True when the pupil (or their parent) has opted out of sharing with the local authority: such pupils are left out of destination figures.',
  })
  sharingOptOuts: boolean[];

  @Field(() => [String], {
    nullable: 'itemsAndList',
    description:
      "Each pupil's home local authority as its three-digit DfE code (null: none recorded), for the local authority return. The whole column is null unless the caller may read the return of these pupils: staff of their school, and their trust's analysts and its API keys with destinations:read.",
  })
  homeLocalAuthorityCodes: (string | null)[] | null;
}

/**
 * The same cohort packed for bulk use: every per-pupil column is one comma-separated string, in the
 * same order (by school, then pupil id). Subgraph-to-subgraph only (`@inaccessible`).
 */
@ObjectType()
@Directive('@inaccessible')
export class PackedCohort {
  @Field(() => [ID], { description: "The schools asked for that the caller may read (all of an analyst's trust when none were named)." })
  schoolsAllowed: string[];

  @Field(() => Int, { description: 'How many pupils.' })
  size: number;

  @Field(() => [ID], { description: "The schools the pupils are on roll at; each pupil's school is its place in this list." })
  schoolIds: string[];

  @Field(() => String, { description: 'Pupil ids, comma-separated.' })
  pupilIds: string;

  @Field(() => String, { description: "Each pupil's school as its place in `schoolIds` (from 0), comma-separated." })
  schoolIndexes: string;

  @Field(() => String, { description: 'Year groups in the academic year of `asOf` (0 when unknown), comma-separated.' })
  yearGroups: string;

  @Field(() => String, { description: 'Group masks (bit i: VULNERABLE_GROUPS[i]; 0 for callers who may not read flags), comma-separated.' })
  groupMasks: string;
}

/** Whether the caller may read a school's cohort, and the counter its cohort is at (subgraph-to-subgraph only). */
@ObjectType()
@Directive('@inaccessible')
export class CohortVersionAnswer {
  @Field(() => [ID], { description: 'The school asked for when the caller may read its cohort; empty otherwise.' })
  schoolsAllowed: string[];

  @Field(() => String, { description: "A counter that moves whenever anything the school's `packedCohort` is made of changes; '0' before any change." })
  version: string;

  @Field(() => String, {
    nullable: true,
    description: "The school's name (public), so a dashboard needs no second call for it; null when the caller may not read the cohort.",
  })
  schoolName: string | null;
}
