import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';
import { PupilStub } from '../external/pupil.stub.js';
import { OfferPlaceKind, SeptemberOffer, SeptemberOfferStatus } from './september-offer.entity.js';

@InputType({ description: 'One answer recorded for every pupil listed (at most 500 at once): all are saved, or none.' })
export class RecordSeptemberOffersInput {
  @Field(() => [ID])
  pupilIds: string[];

  @Field(() => SeptemberOfferStatus)
  status: SeptemberOfferStatus;

  @Field(() => OfferPlaceKind, { nullable: true })
  placeKind?: OfferPlaceKind | null;

  @Field(() => String, { nullable: true })
  provider?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@ObjectType()
export class RecordSeptemberOffersResult {
  @Field(() => Int, { description: 'How many pupils the answer was recorded for (0 when there is an error).' })
  recorded: number;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@ObjectType({ description: "A pupil on roll and the school's current answer about their September offer." })
export class SeptemberOfferEntry {
  @Field(() => PupilStub)
  pupil: PupilStub;

  @Field(() => SeptemberOffer, { nullable: true, description: 'Null: not recorded yet.' })
  offer: SeptemberOffer | null;
}

@ObjectType({ description: "The September offer of every pupil on roll in Year 11 or Year 12 at the caller's school." })
export class SeptemberOfferList {
  @Field(() => Int)
  yearGroup: number;

  @Field(() => [SeptemberOfferEntry])
  entries: SeptemberOfferEntry[];

  @Field(() => Int)
  offerMade: number;

  @Field(() => Int)
  noOffer: number;

  @Field(() => Int)
  notAppropriate: number;

  @Field(() => Int)
  notRecorded: number;
}
