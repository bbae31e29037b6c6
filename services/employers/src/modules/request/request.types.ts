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

@ObjectType({
  description:
    'A volunteer who could help with one of your requests and has not offered yet: what a school sees of someone who offers (their name, job and employer), never their contact details or home.',
})
export class SuggestedVolunteer {
  @Field(() => ID, { description: "The volunteer's id." })
  id: string;

  @Field()
  displayName: string;

  @Field()
  jobTitle: string;

  @Field(() => String, { nullable: true })
  employerName: string | null;

  @Field({ description: 'A former pupil of the school, confirmed by it.' })
  alumnus: boolean;

  @Field(() => Int, { nullable: true, description: 'A former pupil: the year they left the school.' })
  leftSchoolYear: number | null;

  @Field({ description: 'Already volunteers with the school.' })
  worksWithSchool: boolean;

  @Field(() => [SicSectionEnum], { description: 'The sectors the request asks for that the volunteer works in; empty when it asks for any.' })
  sectorsInCommon: SicSection[];
}

@ObjectType()
export class SuggestedVolunteers {
  @Field(() => Int, { description: 'How many volunteers could help, all told.' })
  total: number;

  @Field(() => [SuggestedVolunteer], { description: 'The best of them first, at most as many as asked for.' })
  volunteers: SuggestedVolunteer[];
}
