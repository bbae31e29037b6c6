import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    "A volunteer's public role-model profile, as a pupil sees it: first name, job, how they got there and what they chose to say about themselves. Never a surname, contact detail or employer.",
})
export class RoleModelCard {
  @Field(() => ID)
  id: string;

  @Field()
  firstName: string;

  @Field()
  jobTitle: string;

  @Field({ description: 'How they got into their job.' })
  route: string;

  @Field({ description: 'What they chose to say about themselves; may be empty.' })
  characteristics: string;

  @Field(() => [String], { description: 'The names of the sectors they work in.' })
  sectors: string[];

  @Field({ description: "True when they are a former pupil of the pupil's own school." })
  formerPupil: boolean;

  @Field(() => Int, { nullable: true, description: 'A former pupil: the year they left the school.' })
  leftSchoolYear: number | null;

  @Field(() => [String], { description: 'Which of the interests asked about this profile speaks to, in the order they were given.' })
  matchedInterests: string[];
}
