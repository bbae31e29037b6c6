import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { connectionTypes, MutationError } from '@waymark/subgraph-kit';
import { PupilStub } from '../external/pupil.stub.js';
import { OfferPlaceKind, SeptemberOfferStatus } from '../september-offer/september-offer.entity.js';
import { Aspiration, Intention, IntentionKind } from './intention.entity.js';

@InputType()
export class RecordIntentionInput {
  @Field(() => ID, { nullable: true, description: 'Staff: the pupil of their school. A pupil leaves it out (or gives their own id): it is always their own.' })
  pupilId?: string | null;

  @Field(() => IntentionKind)
  kind: IntentionKind;

  @Field(() => Int, { nullable: true })
  apprenticeshipLevel?: number | null;

  @Field(() => String, { nullable: true })
  provider?: string | null;

  @Field(() => String, { nullable: true })
  course?: string | null;
}

@ObjectType()
export class RecordIntentionResult {
  @Field(() => Intention, { nullable: true })
  intention: Intention | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@InputType()
export class RecordAspirationInput {
  @Field()
  text: string;

  @Field(() => [String], { nullable: true })
  hashtags?: string[] | null;
}

@ObjectType()
export class RecordAspirationResult {
  @Field(() => Aspiration, { nullable: true })
  aspiration: Aspiration | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@ObjectType({ description: "The pupils of a year group at the caller's school who have no intended destination recorded yet." })
export class IntentionGaps {
  @Field(() => Int)
  yearGroup: number;

  @Field(() => Int, { description: 'Pupils on roll in the year group.' })
  onRoll: number;

  @Field(() => [PupilStub], { description: 'Those with no intention recorded yet.' })
  missing: PupilStub[];
}

@ObjectType({
  description: 'The return for one local authority (Year 11 plans, and the September offer in Years 11 and 12) of the pupils who live there, as a CSV file.',
})
export class IntentionReturn {
  @Field({ description: "The authority's name." })
  localAuthority: string;

  @Field(() => String, {
    nullable: true,
    description: "The authority's three-digit DfE code; null only for a school whose own authority Waymark knows by name alone.",
  })
  localAuthorityCode: string | null;

  @Field({ description: 'A name to save it under, e.g. intended-destinations-and-september-offer-123456-la383-2026-12-06.csv' })
  fileName: string;

  @Field({
    description:
      'UPN, names, date of birth, year group, Year 11 plan and September offer of each pupil in Year 11 and Year 12: Year 11 first, then by surname.',
  })
  csv: string;

  @Field(() => Int, { description: 'Pupils in the file.' })
  included: number;

  @Field(() => Int, { description: 'Pupils left out because they, or their parent, opted out of sharing with the local authority.' })
  optedOut: number;

  @Field(() => Int, { description: "Pupils in the file whose home local authority is not recorded: they are in the school's own authority's file." })
  homeNotRecorded: number;
}

@ObjectType({ description: "A local authority the school's pupils in Year 11 and Year 12 live in, and how many of them its return holds." })
export class ReturnAuthority {
  @Field(() => String, {
    nullable: true,
    description: 'The three-digit DfE code (what intentionReturn takes); null only as IntentionReturn.localAuthorityCode.',
  })
  code: string | null;

  @Field()
  name: string;

  @Field({ description: "True for the school's own local authority, whose return also holds the pupils with no home local authority recorded." })
  schoolsOwn: boolean;

  @Field(() => Int, { description: 'Pupils in its return.' })
  included: number;

  @Field(() => Int, { description: 'Pupils left out because they, or their parent, opted out of sharing.' })
  optedOut: number;

  @Field(() => Int, { description: 'Of those in its return, the pupils whose home local authority is not recorded.' })
  homeNotRecorded: number;
}

@ObjectType({ description: "The local authorities the school's pupils in Year 11 and Year 12 live in: one return for each." })
export class ReturnAuthorities {
  @Field(() => [ReturnAuthority], { description: "The school's own authority first, then by name." })
  authorities: ReturnAuthority[];

  @Field(() => Int, { description: "Pupils in a return whose home local authority is not recorded (they are in the school's own authority's)." })
  homeNotRecorded: number;
}

/** Only callers with pupil-level access get this field; everyone else (API keys included) gets null. */
const PUPIL_LEVEL = 'Null unless the caller may see pupils one by one (a trust analyst with pupil-level access; never an API key).';

@ObjectType({
  description:
    "One pupil's row of the local authority return: the same facts as a line of the school's CSV file. Pupils who, or whose parent, opted out of sharing with the local authority are never in it.",
})
export class LocalAuthorityReturnRow {
  @Field(() => ID, { description: "Waymark's id for the pupil." })
  pupilId: string;

  @Field(() => ID, { description: 'The school of the trust the pupil is on roll at today.' })
  schoolId: string;

  @Field(() => Int, { description: '11 or 12.' })
  yearGroup: number;

  @Field(() => String, {
    nullable: true,
    description:
      "The local authority whose return the row belongs to, as its three-digit DfE code: the one the pupil lives in, or the school's own when that is not recorded (null only for a school whose own authority Waymark knows by name alone). For every caller of the field: it is what localAuthorityCode filters on.",
  })
  localAuthorityCode: string | null;

  @Field({ description: 'The name of that local authority.' })
  localAuthorityName: string;

  @Field({
    description: "False when the pupil's home local authority is not recorded, so the row is in the school's own authority's return.",
  })
  homeLocalAuthorityRecorded: boolean;

  @Field(() => String, { nullable: true, description: `Unique pupil number. ${PUPIL_LEVEL}` })
  upn: string | null;

  @Field(() => String, { nullable: true, description: `The name the school uses for the pupil. ${PUPIL_LEVEL}` })
  firstName: string | null;

  @Field(() => String, { nullable: true, description: `Surname. ${PUPIL_LEVEL}` })
  lastName: string | null;

  @Field(() => String, { nullable: true, description: `YYYY-MM-DD. ${PUPIL_LEVEL}` })
  dateOfBirth: string | null;

  @Field(() => String, { nullable: true, description: `The pupil's address, line 1 (null when not recorded). ${PUPIL_LEVEL}` })
  addressLine1: string | null;

  @Field(() => String, { nullable: true, description: `The pupil's address, line 2. ${PUPIL_LEVEL}` })
  addressLine2: string | null;

  @Field(() => String, { nullable: true, description: `The pupil's town. ${PUPIL_LEVEL}` })
  town: string | null;

  @Field(() => String, { nullable: true, description: `The pupil's postcode, upper-case with one space. ${PUPIL_LEVEL}` })
  postcode: string | null;

  @Field(() => String, { nullable: true, description: `A parent's or carer's name. ${PUPIL_LEVEL}` })
  parentCarerName: string | null;

  @Field(() => String, {
    nullable: true,
    description: `The parent's or carer's address as one line (its parts joined with ", "), or "Same as pupil" when they live at the pupil's address. ${PUPIL_LEVEL}`,
  })
  parentCarerAddress: string | null;

  @Field(() => IntentionKind, {
    nullable: true,
    description: 'Year 11: the current plan for after Year 11; null when none is recorded, and always in Year 12.',
  })
  intendedDestination: IntentionKind | null;

  @Field(() => String, {
    nullable: true,
    description: "Year 11: the plan in words, or 'Not recorded'. Year 12: null (plans are not asked in Year 12).",
  })
  intendedDestinationLabel: string | null;

  @Field(() => Int, { nullable: true, description: 'An apprenticeship plan: its level (2 to 7), when known.' })
  apprenticeshipLevel: number | null;

  @Field(() => String, { nullable: true, description: 'The plan: the college, training provider or employer, when known.' })
  provider: string | null;

  @Field(() => String, { nullable: true, description: 'The plan: the course, when known.' })
  course: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the day the plan was recorded.' })
  recordedOn: string | null;

  @Field(() => String, { nullable: true, description: "Who recorded the plan: 'Pupil' or 'School'." })
  recordedBy: string | null;

  @Field(() => SeptemberOfferStatus, {
    nullable: true,
    description: "The school's current answer about an offer of a place for the September after this school year; null when not recorded.",
  })
  septemberOffer: SeptemberOfferStatus | null;

  @Field(() => String, { description: "The answer in words, or 'Not recorded'." })
  septemberOfferLabel: string;

  @Field(() => OfferPlaceKind, { nullable: true, description: 'An offer that was made: the kind of place.' })
  offerPlaceKind: OfferPlaceKind | null;

  @Field(() => String, { nullable: true, description: 'An offer that was made: the kind of place in words.' })
  offerPlaceLabel: string | null;

  @Field(() => String, { nullable: true, description: 'An offer that was made: the school, college or employer, when known.' })
  offerProvider: string | null;

  @Field(() => String, {
    nullable: true,
    description: `The school's note on the offer (why one is not appropriate, say): free text about the pupil. ${PUPIL_LEVEL}`,
  })
  offerNote: string | null;
}

export const LocalAuthorityReturnConnection = connectionTypes(LocalAuthorityReturnRow, 'LocalAuthorityReturnRow');
