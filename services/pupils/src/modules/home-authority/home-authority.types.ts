import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';
import { Pupil } from '../pupil/pupil.entity.js';

@ObjectType({ description: 'A local authority in England, by its DfE code.' })
export class LocalAuthority {
  @Field({ description: 'The three-digit DfE code ("old LA code"), e.g. 330.' })
  code: string;

  @Field({ description: 'e.g. Birmingham.' })
  name: string;
}

@InputType()
export class SetPupilHomeLocalAuthorityInput {
  @Field(() => ID)
  pupilId: string;

  @Field(() => String, { nullable: true, description: 'The three-digit DfE code of the local authority the pupil lives in; null or blank: not recorded.' })
  code?: string | null;
}

@ObjectType()
export class SetPupilHomeLocalAuthorityResult {
  @Field(() => Pupil, { nullable: true })
  pupil: Pupil | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
