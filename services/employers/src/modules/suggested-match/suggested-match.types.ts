import { Field, Int, ObjectType } from 'type-graphql';
import type { SicSection, VolunteerActivity } from '@waymark/domain';
import { SicSectionEnum, VolunteerActivityEnum } from '../volunteer-profile/volunteer-profile.types.js';

@ObjectType({
  description:
    'A year group that has met nobody from a sector this academic year, and the volunteers in that sector who could help. Counts only: it names no volunteer and no pupil.',
})
export class SuggestedMatch {
  @Field(() => Int)
  yearGroup: number;

  @Field(() => SicSectionEnum)
  sector: SicSection;

  @Field({ description: 'The sector in everyday words, like "Manufacturing".' })
  sectorName: string;

  @Field(() => Int, { description: 'Pupils on roll in the year group.' })
  pupils: number;

  @Field(() => Int, { description: 'Pupils of the year group whose interest hashtags name the sector.' })
  interestedPupils: number;

  @Field(() => Int, {
    description: "Volunteers in the sector who could come to the school's place in person (by the same reach rule that shows them its requests).",
  })
  volunteersInPerson: number;

  @Field(() => Int, { description: 'Volunteers in the sector who could help online (virtual-only volunteers included).' })
  volunteersOnline: number;

  @Field(() => VolunteerActivityEnum, { description: 'What a request for it starts as: a talk when someone can come, otherwise a virtual session.' })
  activity: VolunteerActivity;

  @Field({ description: 'The suggestion as a plain sentence.' })
  sentence: string;
}

@ObjectType()
export class SuggestedMatches {
  @Field(() => String, {
    nullable: true,
    description:
      "The school's place that in-person reach is judged against: the postcode of its latest in-person request (null when it has posted none, and then nobody counts in person).",
  })
  postcode: string | null;

  @Field(() => [SuggestedMatch], { description: 'Most needed first: the most interested pupils, then the most volunteers who can come, then the year group.' })
  suggestions: SuggestedMatch[];
}
