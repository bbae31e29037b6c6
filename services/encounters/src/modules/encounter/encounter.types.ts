import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What the leader ticked of the meaningful checklist (items that do not apply to the kind are ignored).' })
export class MeaningfulChecklist {
  @Field() purposeShared: boolean;
  @Field() learningOutcomes: boolean;
  @Field() twoWayInteraction: boolean;
  @Field() reflectionTime: boolean;
  @Field() staffInteraction: boolean;
  @Field() rangeOfPeople: boolean;
  @Field() employerTask: boolean;
  @Field() employerFeedback: boolean;
  @Field() metStaffAndLearners: boolean;
  @Field() entryRoutesInfo: boolean;
  @Field() learningExperience: boolean;
}

@ObjectType()
export class ChecklistItem {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field()
  ticked: boolean;
}
