import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * One leaving year's Year 11 leavers for destination figures, packed: the pupils on roll on 1 June of
 * that summer at the schools counted whose leaving year (by date of birth) is that summer, each
 * column one comma-separated string in the same order. Subgraph-to-subgraph only (`@inaccessible`).
 */
@ObjectType()
@Directive('@inaccessible')
export class PackedLeaverYear {
  @Field(() => Int)
  leavingYear: number;

  @Field(() => Int, { description: 'How many leavers.' })
  size: number;

  @Field(() => String, { description: 'Pupil ids, comma-separated.' })
  pupilIds: string;

  @Field(() => String, { description: "Each leaver's school on 1 June as its place in `schoolsAllowed` (from 0), comma-separated." })
  schoolIndexes: string;

  @Field(() => String, { description: 'Group masks on 1 June (bit i: VULNERABLE_GROUPS[i]), comma-separated.' })
  groupMasks: string;

  @Field(() => String, { description: '1 when the pupil (or their parent) opted out of sharing with the local authority, 0 otherwise; comma-separated.' })
  sharingOptOuts: string;
}

/** The leavers of several summers at once (`packedLeaverCohorts`). Subgraph-to-subgraph only. */
@ObjectType()
@Directive('@inaccessible')
export class PackedLeaverCohorts {
  @Field(() => [ID], { description: "The schools asked for that the caller may count over (all of an analyst's trust when none were named)." })
  schoolsAllowed: string[];

  @Field(() => [PackedLeaverYear], { description: 'One entry per leaving year asked for, in the order asked.' })
  years: PackedLeaverYear[];
}

/**
 * What a school's staff need of their leavers to follow them up and to share what they record, packed
 * (`packedFollowedLeavers`): each column one comma-separated string in the same order. Only pupils
 * whose school, or last school, is the caller's appear. Subgraph-to-subgraph only.
 */
@ObjectType()
@Directive('@inaccessible')
export class PackedFollowedLeavers {
  @Field(() => Int, { description: 'How many pupils.' })
  size: number;

  @Field(() => String, { description: 'Pupil ids, comma-separated.' })
  pupilIds: string;

  @Field(() => String, { description: 'UPNs, comma-separated.' })
  upns: string;

  @Field(() => String, { description: 'The summer each finishes (or finished) Year 11, by their date of birth (never the date itself), comma-separated.' })
  leavingYears: string;

  @Field(() => String, { description: '1 when they agreed to being followed after 16, 0 otherwise; comma-separated.' })
  trackings: string;

  @Field(() => String, { description: '1 when they (or their parent) opted out of sharing with the local authority, 0 otherwise; comma-separated.' })
  sharingOptOuts: string;

  @Field(() => String, {
    description:
      "1 when the pupil was on roll at the caller's school on 1 June of one of the leaving years asked for, finished Year 11 that summer and is not on roll there on `asOf`; 0 otherwise; comma-separated.",
  })
  leftSince: string;
}
