import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';
import { Encounter } from '../encounter/encounter.entity.js';
import { School } from '../external/external.entity.js';
import type { Audience, Term } from './evaluation.rules.js';

export const ProgrammeSurveyAudienceEnum = { PARENTS: 'PARENTS', STAFF: 'STAFF', EMPLOYERS: 'EMPLOYERS' } as const;
registerEnumType(ProgrammeSurveyAudienceEnum, {
  name: 'ProgrammeSurveyAudience',
  description: 'Who a survey of the careers programme asks: parents and carers, school staff, or employers and volunteers.',
});

export const ProgrammeSurveyTermEnum = { AUTUMN: 'AUTUMN', SPRING: 'SPRING', SUMMER: 'SUMMER' } as const;
registerEnumType(ProgrammeSurveyTermEnum, { name: 'ProgrammeSurveyTerm', description: 'The term of the academic year a survey is for.' });

@ObjectType({ description: 'One answer on a rating scale, with its words.' })
export class RatingOption {
  @Field(() => Int)
  value: number;

  @Field()
  label: string;
}

@ObjectType({ description: 'How many gave one answer on a rating scale.' })
export class RatingCount {
  @Field(() => Int)
  value: number;

  @Field()
  label: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'An encounter the pupil attended, with their rating of it if they gave one.' })
export class EncounterRatingView {
  @Field(() => Encounter)
  encounter: Encounter;

  @Field(() => Int, { nullable: true, description: '1 (not useful) to 4 (really useful); null when not rated yet.' })
  rating: number | null;

  @Field(() => String, { nullable: true, description: 'What the pupil said they learned.' })
  learned: string | null;

  @Field({ description: 'Whether the pupil may still rate it or change their rating (until the encounter is 30 days old).' })
  canChange: boolean;

  @Field(() => Date, { description: 'When rating it or changing the rating stops.' })
  changeUntil: Date;
}

@ObjectType({ description: "The pupil's own ratings page: the scale, and the encounters they attended this school year and the last." })
export class MyEncounterRatings {
  @Field(() => [RatingOption])
  options: RatingOption[];

  @Field(() => Int, { description: 'The longest "What did you learn?", in characters.' })
  learnedMaxLength: number;

  @Field(() => [EncounterRatingView], { description: 'Newest first; encounters that have not started yet are left out.' })
  encounters: EncounterRatingView[];
}

@InputType()
export class RateEncounterInput {
  @Field(() => ID)
  encounterId: string;

  @Field(() => Int, { description: '1 (not useful) to 4 (really useful).' })
  rating: number;

  @Field(() => String, { nullable: true, description: 'What did you learn? Optional, up to 300 characters.' })
  learned?: string | null;
}

@ObjectType()
export class RateEncounterResult {
  @Field(() => EncounterRatingView, { nullable: true })
  rated: EncounterRatingView | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@ObjectType({ description: "Pupils' ratings of one encounter. Only the school's own staff read them." })
export class EncounterRatingSummary {
  @Field(() => Encounter)
  encounter: Encounter;

  @Field(() => Int)
  responses: number;

  @Field(() => Float, { nullable: true, description: 'Average rating (1 to 4), to one decimal place; null with no ratings.' })
  average: number | null;

  @Field(() => [RatingCount])
  counts: RatingCount[];

  @Field(() => [String], { description: 'What pupils said they learned, without their names, newest first.' })
  learned: string[];
}

@ObjectType({ description: 'One rating question of a survey.' })
export class ProgrammeSurveyQuestion {
  @Field({ description: '`helps` or `informed`: the field of AnswerProgrammeSurveyInput that answers it.' })
  key: string;

  @Field()
  text: string;

  @Field(() => [RatingOption])
  options: RatingOption[];
}

@ObjectType({ description: 'The answers to one rating question of a survey.' })
export class ProgrammeSurveyQuestionResult {
  @Field()
  key: string;

  @Field()
  text: string;

  @Field(() => Int)
  responses: number;

  @Field(() => Float, { nullable: true })
  average: number | null;

  @Field(() => [RatingCount])
  counts: RatingCount[];
}

@ObjectType({ description: 'A termly survey of the careers programme, as its school sees it, with its results.' })
export class ProgrammeSurvey {
  @Field(() => ID)
  id: string;

  @Field(() => ProgrammeSurveyAudienceEnum)
  audience: Audience;

  @Field(() => Int)
  academicYear: number;

  @Field(() => ProgrammeSurveyTermEnum)
  term: Term;

  @Field()
  label: string;

  @Field({ description: 'Answers keep no account id, and results show no names.' })
  anonymous: boolean;

  @Field()
  open: boolean;

  @Field(() => Date)
  openedAt: Date;

  @Field()
  openedByName: string;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field(() => Int)
  answers: number;

  @Field(() => [ProgrammeSurveyQuestionResult])
  results: ProgrammeSurveyQuestionResult[];

  @Field()
  commentQuestion: string;

  @Field(() => [String], { description: 'The free-text answers, without names.' })
  comments: string[];
}

@ObjectType({ description: "A school's evaluation of its careers programme for an academic year: pupils' ratings of each encounter and the termly surveys." })
export class EvaluationResults {
  @Field(() => School)
  school: School;

  @Field(() => Int)
  academicYear: number;

  @Field()
  label: string;

  @Field(() => [RatingOption], { description: "The pupils' rating scale." })
  ratingOptions: RatingOption[];

  @Field(() => [EncounterRatingSummary], { description: 'Encounters of the year with at least one rating, newest first.' })
  encounters: EncounterRatingSummary[];

  @Field(() => [ProgrammeSurvey], { description: "The year's surveys, by term then audience." })
  surveys: ProgrammeSurvey[];

  @Field({ description: 'Whether the caller may open and close surveys (careers leaders).' })
  canManage: boolean;
}

@InputType()
export class OpenProgrammeSurveyInput {
  @Field(() => ProgrammeSurveyAudienceEnum)
  audience: Audience;

  @Field(() => Int)
  academicYear: number;

  @Field(() => ProgrammeSurveyTermEnum)
  term: Term;

  @Field({ description: 'Answers keep no account id. Fixed once opened.' })
  anonymous: boolean;
}

@ObjectType()
export class ProgrammeSurveyResult {
  @Field(() => ProgrammeSurvey, { nullable: true })
  survey: ProgrammeSurvey | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@ObjectType({ description: 'An open survey the caller is asked to answer.' })
export class ProgrammeSurveyToAnswer {
  @Field(() => ID)
  id: string;

  @Field(() => School)
  school: School;

  @Field(() => ProgrammeSurveyAudienceEnum)
  audience: Audience;

  @Field(() => Int)
  academicYear: number;

  @Field(() => ProgrammeSurveyTermEnum)
  term: Term;

  @Field()
  label: string;

  @Field()
  anonymous: boolean;

  @Field(() => [ProgrammeSurveyQuestion])
  questions: ProgrammeSurveyQuestion[];

  @Field()
  commentQuestion: string;

  @Field(() => Int)
  commentMaxLength: number;

  @Field({ description: 'Whether the caller has answered it already (one answer each).' })
  answered: boolean;
}

@InputType()
export class AnswerProgrammeSurveyInput {
  @Field(() => ID)
  surveyId: string;

  @Field(() => Int, { description: 'The first question, 1 to 4.' })
  helps: number;

  @Field(() => Int, { description: 'The second question, 1 to 4.' })
  informed: number;

  @Field(() => String, { nullable: true, description: 'Optional, up to 1,000 characters.' })
  comment?: string | null;
}

@ObjectType()
export class AnswerProgrammeSurveyResult {
  @Field({ description: 'True once the answer is saved.' })
  answered: boolean;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
