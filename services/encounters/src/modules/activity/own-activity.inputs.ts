import { Field, Float, InputType } from 'type-graphql';
import type { OwnActivityKind } from '@waymark/domain';
import { OwnActivityKindEnum } from './own-activity.entity.js';

@InputType()
export class SubmitOwnActivityInput {
  @Field(() => OwnActivityKindEnum)
  kind: OwnActivityKind;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field({ description: 'YYYY-MM-DD' })
  startedOn: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; left out while it is still going on.' })
  endedOn?: string | null;

  @Field(() => Float)
  hours: number;
}
