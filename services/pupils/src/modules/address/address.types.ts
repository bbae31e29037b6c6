import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';
import { Pupil } from '../pupil/pupil.entity.js';

@ObjectType({ description: 'A postal address in the UK; each part null when not recorded.' })
export class PostalAddress {
  @Field(() => String, { nullable: true })
  line1: string | null;

  @Field(() => String, { nullable: true })
  line2: string | null;

  @Field(() => String, { nullable: true })
  town: string | null;

  @Field(() => String, { nullable: true, description: 'Upper-case with one space, e.g. LS1 4AP.' })
  postcode: string | null;
}

@ObjectType({ description: 'One parent or carer of a pupil, as the local authority return asks for them: a name and an address.' })
export class ParentCarer {
  @Field(() => String, { nullable: true })
  name: string | null;

  @Field({ description: "They live at the pupil's address (address is then null)." })
  sameAddressAsPupil: boolean;

  @Field(() => PostalAddress, { nullable: true, description: "Their own address; null when it is the pupil's or not recorded." })
  address: PostalAddress | null;
}

@InputType({ description: 'A postal address; blank or null parts are not recorded. The postcode must be a UK postcode.' })
export class PostalAddressInput {
  @Field(() => String, { nullable: true })
  line1?: string | null;

  @Field(() => String, { nullable: true })
  line2?: string | null;

  @Field(() => String, { nullable: true })
  town?: string | null;

  @Field(() => String, { nullable: true })
  postcode?: string | null;
}

@InputType()
export class ParentCarerInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Boolean, { nullable: true, description: "They live at the pupil's address; then give no address. Default false." })
  sameAddressAsPupil?: boolean | null;

  @Field(() => PostalAddressInput, { nullable: true })
  address?: PostalAddressInput | null;
}

@InputType()
export class SetPupilAddressInput {
  @Field(() => ID)
  pupilId: string;

  @Field(() => PostalAddressInput, { nullable: true, description: "The pupil's address, replacing what was recorded; left out: left alone; null: cleared." })
  homeAddress?: PostalAddressInput | null;

  @Field(() => ParentCarerInput, { nullable: true, description: 'The parent or carer, replacing what was recorded; left out: left alone; null: cleared.' })
  parentCarer?: ParentCarerInput | null;
}

@ObjectType()
export class SetPupilAddressResult {
  @Field(() => Pupil, { nullable: true })
  pupil: Pupil | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
