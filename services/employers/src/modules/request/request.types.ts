import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { SicSection, VolunteerActivity } from '@waymark/domain';
import { MutationError } from '@waymark/subgraph-kit';
import { SicSectionEnum, VolunteerActivityEnum } from '../volunteer-profile/volunteer-profile.types.js';
import { VolunteerOffer, VolunteerRequest } from './request.entity.js';

@InputType()
export class PostVolunteerRequestInput {
  @Field(() => VolunteerActivityEnum)
  activity: VolunteerActivity;

  @Field({ description: 'The first day it could happen, YYYY-MM-DD; not in the past.' })
  dateFrom: string;

  @Field({ description: 'The last day it could happen, YYYY-MM-DD; on or after dateFrom.' })
  dateTo: string;

  @Field(() => [Int])
  yearGroups: number[];

  @Field(() => Int, { description: 'At least 1.' })
  volunteersWanted: number;

  @Field(() => [SicSectionEnum], { nullable: true, description: 'Left out or empty: any sector.' })
  sectors?: SicSection[] | null;

  @Field()
  virtual: boolean;

  @Field(() => String, { nullable: true, description: 'In person: the postcode of the place, usually the school.' })
  postcode?: string | null;

  @Field(() => String, { nullable: true })
  details?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'No member of staff will be with the volunteer and the pupils. Left out: false.' })
  unsupervised?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'The same volunteer meets the pupils again and again. Left out: false.' })
  regular?: boolean | null;
}

@ObjectType()
export class VolunteerRequestResult {
  @Field(() => VolunteerRequest, { nullable: true })
  request: VolunteerRequest | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@InputType()
export class OfferVolunteerHelpInput {
  @Field(() => ID)
  requestId: string;

  @Field({ description: 'What the volunteer would like the school to know.' })
  message: string;
}

@InputType()
export class RespondToVolunteerOfferInput {
  @Field(() => ID)
  offerId: string;

  @Field()
  accept: boolean;

  @Field({ description: 'The message the volunteer reads with the answer.' })
  message: string;
}

@ObjectType()
export class VolunteerOfferResult {
  @Field(() => VolunteerOffer, { nullable: true })
  offer: VolunteerOffer | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@InputType()
export class ConfirmVolunteerRequestInput {
  @Field(() => ID)
  requestId: string;
}
