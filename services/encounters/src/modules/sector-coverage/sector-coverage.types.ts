import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@Directive('@inaccessible')
@ObjectType({ description: 'Pupils of a year group whose interest hashtags name a SIC 2007 section (@waymark/domain SECTOR_WORDS).' })
export class SectorInterest {
  @Field({ description: 'A SIC 2007 section letter, A to U.' })
  sector: string;

  @Field(() => Int)
  pupils: number;
}

@Directive('@inaccessible')
@ObjectType({
  description:
    "One year group of the caller's school this academic year: its pupils on roll, who delivered its encounters (employers and volunteers, by id), and its pupils' interests by sector.",
})
export class YearGroupSectorCoverage {
  @Field(() => Int)
  yearGroup: number;

  @Field(() => Int, { description: 'Pupils on roll in the year group.' })
  pupils: number;

  @Field(() => [ID], { description: "Employers on the year group's encounters this academic year (planned ones included, booked guidance meetings not)." })
  employerIds: string[];

  @Field(() => [ID], { description: 'Volunteers on the same encounters.' })
  volunteerIds: string[];

  @Field(() => [SectorInterest])
  interests: SectorInterest[];
}
