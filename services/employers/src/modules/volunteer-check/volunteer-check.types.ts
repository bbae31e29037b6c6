import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { VolunteerCheckKind } from '@waymark/domain';
import { MutationError } from '@waymark/subgraph-kit';
import { VolunteerCheck, VolunteerCheckKindEnum } from './volunteer-check.entity.js';

@ObjectType({ description: "A check an engagement needs that the school has not recorded, or that runs out before the engagement's last day." })
export class VolunteerCheckWarning {
  @Field(() => VolunteerCheckKindEnum)
  kind: VolunteerCheckKind;

  @Field(() => String, { nullable: true, description: 'When the latest check of this kind expires; null when none is recorded.' })
  expiresOn: string | null;

  @Field({ description: 'What the careers leader reads, in plain English.' })
  message: string;
}

@InputType()
export class RecordVolunteerCheckInput {
  @Field(() => ID)
  volunteerId: string;

  @Field(() => VolunteerCheckKindEnum)
  kind: VolunteerCheckKind;

  @Field({ description: 'The day the check was done, YYYY-MM-DD; not in the future.' })
  doneOn: string;

  @Field({ description: 'The day it stops counting, YYYY-MM-DD; after doneOn.' })
  expiresOn: string;
}

@ObjectType()
export class RecordVolunteerCheckResult {
  @Field(() => VolunteerCheck, { nullable: true })
  check: VolunteerCheck | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
