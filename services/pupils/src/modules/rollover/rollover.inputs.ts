import { Field, InputType, Int } from 'type-graphql';

@InputType()
export class RollOverYearInput {
  @Field(() => Int, { description: 'The academic year starting (e.g. 2027 for 1 September 2027).' })
  academicYear: number;
}
