import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { VulnerableGroupCode } from '@waymark/domain';
import { MutationError } from '@waymark/subgraph-kit';
import { Pupil } from '../pupil/pupil.entity.js';
import { VulnerableGroupEnum } from '../pupil/vulnerable-group.js';

@InputType()
export class FlagValueInput {
  @Field(() => VulnerableGroupEnum)
  group: VulnerableGroupCode;

  @Field()
  value: boolean;
}

@InputType()
export class SetPupilFlagsInput {
  @Field(() => ID)
  pupilId: string;

  @Field(() => [FlagValueInput])
  flags: FlagValueInput[];
}

@ObjectType()
export class SetPupilFlagsResult {
  @Field(() => Pupil, { nullable: true })
  pupil: Pupil | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
